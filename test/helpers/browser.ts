import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type Axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';

export const ROOT = path.join(__dirname, '..', '..');
const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive: CHROME_PATH or a Debian/Ubuntu install; undefined when none is there. */
export const chromePath = CANDIDATES.find((p): p is string => !!p && fs.existsSync(p));

/** Whether the built app (npm run build) is present for the browser shell to serve. */
export const isBuilt =
  fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html')) && fs.existsSync(path.join(ROOT, 'out', 'web', 'server.js'));

/** Where the e2e suites save their screenshots. */
export const SHOTS = path.join(ROOT, 'test-results', 'e2e');

/** Whether the e2e suites run: Chromium and the build are here, or this is CI (which installs and builds them first). */
export const canRunE2e = (!!chromePath && isBuilt) || process.env.CI === 'true';

/** An e2e describe block: it runs where canRunE2e holds; elsewhere one skipped test says what is missing. */
export function describeE2e(title: string, body: () => void): void {
  if (canRunE2e) describe(title, body);
  else
    describe(title, () => it.skip(`needs Chromium (${chromePath ?? 'none found; set CHROME_PATH'}) and a build (npm run build)`, () => {}));
}

/** Runs the built CLI on a database file and returns what it printed: the engine's own answer beside the app's. */
export function runBuiltCli(dbPath: string, args: readonly string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'out', 'cli', 'aftershock.js'), ...args, '--db', dbPath], { encoding: 'utf8' });
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Starts `node out/web/server.js` on a free port and resolves with the URL it prints. */
export function startBrowserShell(
  dbPath: string,
  extraArgs: readonly string[] = [],
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out', 'web', 'server.js'), '--db', dbPath, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolve({
          url: match[1],
          child,
          stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`browser shell exited with ${code}: ${output}`)));
  });
}

/** A browser-shell session for an e2e file: its own database, server, Chromium page and collected problems. */
export interface AppSession {
  page: Page;
  dbPath: string;
  /** Page errors, console errors and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Starts the browser shell on a fresh database, opens it in Chromium and waits for the sample portfolio. */
export async function openApp(
  name: string,
  viewport = { width: 1440, height: 900 },
  options: { reportsDir?: boolean } = {},
): Promise<AppSession> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aftershock-e2e-${name}-`));
  const dbPath = path.join(dir, `${name}.sqlite`);
  const shell = await startBrowserShell(dbPath, options.reportsDir ? ['--reports-dir', path.join(dir, 'reports')] : []);
  const browser = await launchBrowser();
  const problems: string[] = [];
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(20_000);
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Growth & AI' }).waitFor();
  return {
    page,
    dbPath,
    problems,
    close: async () => {
      await browser.close();
      await shell.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app for the calling describe block: opened before its tests (with the screenshots folder made), `onOpen` run
 * on it, and closed after them. The result reads the open session.
 */
export function appForSuite(
  name: string,
  options: {
    viewport?: { width: number; height: number };
    reportsDir?: boolean;
    onOpen?: (app: AppSession) => unknown;
    timeout?: number;
  } = {},
): AppSession {
  let session: AppSession | undefined;
  const open = () => {
    if (!session) throw new Error(`the "${name}" app is not open`);
    return session;
  };
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    session = await openApp(name, options.viewport, { reportsDir: options.reportsDir });
    await options.onOpen?.(session);
  }, options.timeout);
  afterAll(async () => session?.close());
  return {
    get page() {
      return open().page;
    },
    get dbPath() {
      return open().dbPath;
    },
    get problems() {
      return open().problems;
    },
    close: () => open().close(),
  };
}

/** The sizes every view is checked at: the smallest window (electron/main/window-state.ts) and a common laptop. */
export const LAYOUT_SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/**
 * What is cut on screen now: a button, cell, input or picker whose text is wider than its box (unless it ends in an
 * ellipsis with the whole text in its tooltip), and a table wider than its box (it would scroll sideways).
 */
export function findClipped(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const found: string[] = [];
    const visible = (e: HTMLElement) => !!e.offsetParent && e.getClientRects().length > 0;
    // Text that ends in an ellipsis with the whole of it in a tooltip is shortened on purpose, not cut.
    const shortened = (e: HTMLElement) =>
      [e, ...e.querySelectorAll<HTMLElement>('*')].some((x) => getComputedStyle(x).textOverflow === 'ellipsis') &&
      !!(e.title || e.closest('[title]'));
    const label = (e: HTMLElement) => (e.innerText || (e as HTMLInputElement).value || '').trim().slice(0, 60);
    for (const b of document.querySelectorAll<HTMLElement>(':is(main, [role="dialog"]) button'))
      if (visible(b) && b.scrollWidth > b.clientWidth + 1 && !shortened(b)) found.push(`${where}: button "${label(b)}"`);
    for (const c of document.querySelectorAll<HTMLElement>(':is(main, [role="dialog"]) :is(td, th)'))
      if (visible(c) && c.scrollWidth > c.clientWidth + 1 && !shortened(c)) found.push(`${where}: cell "${label(c)}"`);
    for (const t of document.querySelectorAll<HTMLElement>(':is(main, [role="dialog"]) table')) {
      const box = t.parentElement!;
      if (visible(t) && box.scrollWidth > box.clientWidth + 1)
        found.push(
          `${where}: table "${t.getAttribute('aria-label') ?? t.closest('[aria-label]')?.getAttribute('aria-label') ?? ''}" ${box.scrollWidth} > ${box.clientWidth}`,
        );
    }
    for (const i of document.querySelectorAll<HTMLInputElement>(':is(main, [role="dialog"]) :is(input[type="text"], input:not([type]))'))
      if (visible(i) && i.scrollWidth > i.clientWidth + 1 && !i.title) found.push(`${where}: input "${label(i)}"`);
    // A picker shows its chosen option's text. Its padding and arrow are measured on a copy left at its natural width
    // (as wide as its widest option); the chosen text is cut when it needs more than the picker has left for text.
    const context = document.createElement('canvas').getContext('2d')!;
    for (const s of document.querySelectorAll<HTMLSelectElement>(':is(main, [role="dialog"]) select')) {
      if (!visible(s) || s.title) continue;
      const style = getComputedStyle(s);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const width = (text: string) => context.measureText(text).width;
      const natural = s.cloneNode(true) as HTMLSelectElement;
      natural.style.cssText += ';width:auto;min-width:0;max-width:none;position:absolute;visibility:hidden';
      s.parentElement!.appendChild(natural);
      const chrome = natural.clientWidth - Math.max(0, ...[...s.options].map((o) => width(o.text)));
      natural.remove();
      const chosen = s.selectedOptions[0]?.text ?? '';
      if (width(chosen) > s.clientWidth - chrome + 1) found.push(`${where}: picker "${chosen}"`);
    }
    return found;
  }, where);
}

/** Hyphen-minuses before a digit or currency sign in the page's text: every minus is U+2212 (dates and ids aside). */
export async function findHyphenMinus(page: Page, where: string): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return (text.match(/(?<![\w-])-[\d$€£¥]\S*/g) ?? []).map((h) => `${where}: hyphen-minus in "${h}"`);
}

/**
 * Screenshots of what is on screen at both layout sizes in both themes, saved under `folder`, with what is cut at
 * each; then back to light at 1440×900.
 */
export async function shootAndCheck(page: Page, folder: string, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of LAYOUT_SIZES) {
      await page.setViewportSize(size);
      const where = `${name} ${size.width}x${size.height} ${theme}`;
      await page.screenshot({ path: path.join(folder, `${name}-${size.width}x${size.height}-${theme}.png`) });
      problems.push(...(await findClipped(page, where)));
    }
    problems.push(...(await accessibilityViolations(page, `${name} ${theme}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(LAYOUT_SIZES[1]);
  problems.push(...(await findHyphenMinus(page, name)));
  return problems;
}

/** axe-core's source, read once (injected through the debugging protocol, which the app's CSP does not restrict). */
let axeSource: string | null = null;

/**
 * axe-core's serious and critical violations on the page as it is (WCAG 2 A/AA rules), one line each: rule, impact and
 * the first elements it names.
 */
export async function accessibilityViolations(page: Page, where: string): Promise<string[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      // A contrast failure names its colours and ratio.
      targets: v.nodes.slice(0, 3).map((n) => {
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        return data?.fgColor ? `${String(n.target)} [${data.fgColor} on ${data.bgColor}, ${data.contrastRatio}:1]` : String(n.target);
      }),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: axe ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
}

/** A household to add through window.api: name, people, tags, base currency and holdings (symbol, quantity, price). */
export interface SeedHousehold {
  name: string;
  people?: string[];
  tags?: string[];
  baseCurrency?: string;
  holdings: [string, number, number][];
}

/** Adds clients, each with a "Main" portfolio and a "Brokerage" account, through window.api as the UI itself would. */
export async function addHouseholds(page: Page, households: SeedHousehold[]): Promise<void> {
  await page.evaluate(async (households) => {
    const must = async <T>(pending: Promise<{ ok: boolean; value?: T; error?: { message: string } }>) => {
      const r = await pending;
      if (!r.ok) throw new Error(r.error!.message);
      return r.value as T;
    };
    for (const { name, people, tags, baseCurrency, holdings } of households) {
      const client = await must<{ id: number }>(window.api.invoke('clients:create', { name, people, tags, baseCurrency }));
      const portfolio = await must<{ id: number }>(window.api.invoke('portfolios:create', { clientId: client.id, name: 'Main' }));
      const account = await must<{ id: number }>(window.api.invoke('accounts:create', { portfolioId: portfolio.id, name: 'Brokerage' }));
      for (const [symbol, quantity, price] of holdings)
        await must(window.api.invoke('positions:create', { accountId: account.id, symbol, quantity, price }));
    }
  }, households);
}
