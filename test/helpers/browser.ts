import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
