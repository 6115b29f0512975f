import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../shared/ipc/result';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** A Chromium-family browser on this machine: CHROME_PATH, or a common install path. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return fs.existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** What a page asks of the printer (read from its <body data-…>): the header's two sides and the paper size. */
export interface PageFurniture {
  headerLeft: string;
  headerRight: string;
  pageSize: 'A4' | 'Letter';
}

/** The page expression that reads a page's furniture (run in the page, so written as page code). */
export const READ_FURNITURE =
  "({ headerLeft: document.body.dataset.headerLeft || '', headerRight: document.body.dataset.headerRight || '', pageSize: document.body.dataset.pageSize === 'Letter' ? 'Letter' : 'A4' })";

/**
 * Page furniture printed on every page: the firm (or the title) and the client on top; page numbers and a small
 * "Prepared with Aftershock" below. The firm's document, not the tool's.
 */
export function headerFooter(title: string, furniture: Partial<PageFurniture> = {}) {
  const esc = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const left = furniture.headerLeft || furniture.headerRight ? (furniture.headerLeft ?? '') : title;
  return {
    headerTemplate: `<div style="font-size:8px;color:#5d6778;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${esc(left)}</span><span>${esc(furniture.headerRight ?? '')}</span></div>`,
    footerTemplate:
      '<div style="font-size:7px;color:#8a93a3;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>Prepared with Aftershock</span><span style="font-size:8px;color:#5d6778">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
  };
}

/** A Chromium kept open to print many reports in a row (a batch): one launch, one page per report. */
export interface ChromiumPrinter {
  print(html: string, title: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** How a printing Chromium is launched: `say` hears the one sentence when its sandbox is off; `asRoot` is for tests. */
export interface LaunchOptions {
  say?: (sentence: string) => void;
  asRoot?: boolean;
}

const SWITCHES = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Launches Chromium with its sandbox. Without it only where it cannot run: as root (Chromium refuses its sandbox
 * there) or when the sandboxed launch fails (e.g. a container without user namespaces); `say` is then told so.
 */
export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const say = options.say ?? ((sentence: string) => console.error(sentence));
  const unsandboxed = () => chromium.launch({ executablePath, chromiumSandbox: false, args: SWITCHES });
  if (options.asRoot ?? process.getuid?.() === 0) {
    say('Chromium is printing without its sandbox because Aftershock runs as root, where Chromium refuses it.');
    return unsandboxed();
  }
  try {
    return await chromium.launch({ executablePath, chromiumSandbox: true, args: SWITCHES });
  } catch (error) {
    say(`Chromium is printing without its sandbox because it could not start with it (${launchFailure(error)}).`);
    return unsandboxed();
  }
}

/** The line of a failed launch that names the sandbox (playwright puts Chromium's own log below its own words), else the first. */
function launchFailure(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /sandbox/i.test(line)) ?? lines[0] ?? 'no reason given';
}

/** Launches a Chromium found on this machine (playwright-core drives it) for printing reports to PDF. */
export async function openChromiumPrinter(options: LaunchOptions = {}): Promise<ChromiumPrinter> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new AppError('not-found', 'No Chromium or Chrome was found to print the PDF; set CHROME_PATH, or install Chromium.');
  }
  const browser = await launchChromium(executablePath, options);
  return {
    async print(html, title) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Polled with page.evaluate (run by the debugger, which the report's CSP allows), not waitForFunction, whose
        // in-page polling compiles the expression with new Function: the report's CSP refuses that ('unsafe-eval').
        const deadline = Date.now() + 30_000;
        while (!['true', 'error'].includes(String(await page.evaluate('document.body.dataset.ready || ""')))) {
          if (Date.now() > deadline) throw new AppError('internal', 'The report page did not finish drawing, so no PDF was made.');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        if ((await page.evaluate('document.body.dataset.ready')) === 'error')
          throw new AppError('internal', 'The report page could not draw its data.');
        const furniture = (await page.evaluate(READ_FURNITURE)) as Partial<PageFurniture> | null;
        return await page.pdf({
          format: furniture?.pageSize === 'Letter' ? 'Letter' : 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          // Tagged, with an outline: screen readers follow the structure, and the text stays selectable.
          tagged: true,
          outline: true,
          ...headerFooter(title, furniture ?? {}),
          margin: { top: '20mm', bottom: '18mm', left: '14mm', right: '14mm' },
        });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

/** Prints a self-contained report page to PDF with a Chromium found on this machine. */
export async function printWithChromium(html: string, title: string, options: LaunchOptions = {}): Promise<Buffer> {
  const printer = await openChromiumPrinter(options);
  try {
    return await printer.print(html, title);
  } finally {
    await printer.close();
  }
}

/** A printer that many requests share: see createSharedPrinter. */
export interface SharedPrinter {
  print(html: string, title: string): Promise<Buffer>;
  /** Closes the browser once the jobs already queued have finished. */
  close(): Promise<void>;
}

/**
 * One Chromium for every PDF a long-running shell prints (the browser shell's reports:pdf): requests queue and print
 * one at a time on it instead of each launching its own browser; it is launched on the first request and closed
 * after `idleMs` without work (or by close()). A print that fails drops the browser, so the next one starts afresh.
 */
export function createSharedPrinter(options: { idleMs?: number; open?: () => Promise<ChromiumPrinter> } = {}): SharedPrinter {
  const idleMs = options.idleMs ?? 60_000;
  const open = options.open ?? openChromiumPrinter;
  let printer: Promise<ChromiumPrinter> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let idle: NodeJS.Timeout | undefined;

  const shut = async () => {
    const current = printer;
    printer = null;
    if (current)
      await current.then(
        (p) => p.close(),
        () => undefined,
      );
  };
  const job = async (html: string, title: string) => {
    clearTimeout(idle);
    printer ??= open();
    try {
      return await (await printer).print(html, title);
    } catch (error) {
      await shut();
      throw error;
    }
  };
  return {
    print(html, title) {
      pending++;
      const result = queue.then(() => job(html, title));
      queue = result
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          if (--pending === 0) idle = setTimeout(() => void shut(), idleMs).unref();
        });
      return result;
    },
    async close() {
      await queue;
      clearTimeout(idle);
      await shut();
    },
  };
}
