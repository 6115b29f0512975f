// (In the e2e group: it builds the app twice, so it runs after the unit and integration tests, one file at a time.)
// The real `npm start` chain (scripts/start.mjs: Electron's installer, the SQLite-driver step, the build, electron-vite)
// run in a scratch copy of the project, so nothing lands in the real node_modules/electron or out/. Electron cannot
// be downloaded here: its installer is pointed at a local mirror serving a stub "Electron" that records how it was
// started, or at a mirror that refuses connections (offline), where `npm start` falls back to the browser shell.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../helpers/zip';

const ROOT = path.resolve(__dirname, '..', '..');
const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
).version;
const PLATFORM_PATH = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const STUB = `#!/bin/sh
if [ -n "$AFTERSHOCK_STUB_SANDBOX_ABORT" ]; then
  echo "[1:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly." >&2
  exit 133
fi
{ echo "cwd=$(pwd)"; for a in "$@"; do echo "arg=$a"; done
  [ -f out/main/index.js ] && echo "main=built"; [ -f out/preload/index.js ] && echo "preload=built"; } > "$AFTERSHOCK_STUB_RECORD"
`;

let scratch: string;
let project: string;

/** A copy of the sources and scripts, with node_modules linked entry by entry except a fresh copy of electron. */
function makeProject(): string {
  const dir = path.join(scratch, 'project');
  for (const entry of [
    'electron',
    'shared',
    'renderer',
    'resources',
    'scripts',
    'package.json',
    'tsconfig.json',
    'electron.vite.config.mts',
  ]) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, 'electron'), { recursive: true });
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name === 'electron' || (name.startsWith('.') && name !== '.bin')) continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  // The package only, never a runtime downloaded into the real one (dist/, path.txt).
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    fs.copyFileSync(path.join(ROOT, 'node_modules', 'electron', file), path.join(modules, 'electron', file));
  }
  return dir;
}

/** Serves a stub Electron release the way Electron's download host does (zip + SHASUMS256.txt); records the requests. */
async function fakeMirror(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const zip = makeZip([
    { name: PLATFORM_PATH, data: Buffer.from(STUB), mode: 0o755 },
    { name: 'version', data: Buffer.from(ELECTRON_VERSION) },
  ]);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP_NAME}\n`;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = req.url?.endsWith(`/${ZIP_NAME}`) ? zip : req.url?.endsWith('/SHASUMS256.txt') ? Buffer.from(sums) : null;
    res.writeHead(body ? 200 : 404).end(body ?? 'not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm start -- ARGS` in the scratch project, in its own process group (as a terminal runs it). */
function npmStart(args: string[], env: Record<string, string>): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|ELECTRON_|electron_|AFTERSHOCK_)/i.test(key)));
  const child = spawn('npm', ['start', '--', ...args], {
    cwd: project,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...clean, HOME: scratch, XDG_CONFIG_HOME: path.join(scratch, 'config'), DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function waitFor(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(run.output());
    if (match) return match;
    const done = await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 100, null))]);
    if (done) throw new Error(`npm start ended (${JSON.stringify(done)}) before printing ${pattern}:\n${run.output()}`);
  }
}

/** A mirror address that refuses connections: no network to Electron's downloads. */
async function refusingMirror(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-start-chain-'));
  project = makeProject();
});

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('npm start (skipped on Windows: the stub Electron is a shell script)', () => {
  it("with no network to Electron's downloads and --no-fallback: says why and what to do, exits 1", async () => {
    const run = npmStart(['--no-fallback'], { ELECTRON_MIRROR: await refusingMirror() });
    expect((await run.exited).code).toBe(1);
    const text = run.output();
    expect(text).toMatch(
      new RegExp(
        `Cannot download Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')}, the desktop app's runtime, from http://127\\.0\\.0\\.1:\\d+/ \\(.+\\)\\.`,
      ),
    );
    expect(text).toMatch(/What to do: .*HTTPS_PROXY/);
    expect(text).not.toMatch(/Electron uninstall|Opening Aftershock/);
    expect(fs.existsSync(path.join(project, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  }, 60_000);

  it('with no network: says why, then serves the app in the browser shell on the same database until Ctrl+C', async () => {
    const db = path.join(scratch, 'data', 'aftershock.sqlite');
    const run = npmStart([], { ELECTRON_MIRROR: await refusingMirror(), AFTERSHOCK_DB: db });
    try {
      const [, url] = await waitFor(
        run,
        /Opening Aftershock in your browser instead: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+) \(Ctrl\+C to stop\)/,
      );
      expect(run.output().indexOf('Cannot download Electron')).toBeLessThan(run.output().indexOf('Opening Aftershock'));
      expect(run.output()).toContain(`database ${db}`);
      const { origin } = new URL(url);
      const page = await fetch(url, { redirect: 'manual' }); // the printed URL is the app page itself, with no cookie
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      expect(html).toContain('<title>Aftershock (browser shell)</title>');
      expect((await fetch(`${origin}/`)).status).toBe(403);
      expect(fs.existsSync(db)).toBe(true);

      process.kill(-run.child.pid!, 'SIGINT'); // Ctrl+C in a terminal signals the whole foreground group
      const ended = await run.exited;
      expect(ended.code === 0 || ended.signal === 'SIGINT', JSON.stringify(ended)).toBe(true);
      expect(run.output()).not.toMatch(/Error|ERR!/);
      await expect(fetch(`${origin}/`)).rejects.toThrow();
    } finally {
      if (run.child.exitCode === null && run.child.signalCode === null) process.kill(-run.child.pid!, 'SIGKILL');
    }
  }, 120_000);

  it("gets the runtime with Electron's installer from the mirror, builds, and launches it through electron-vite", async () => {
    const mirror = await fakeMirror();
    // The SQLite driver step is satisfied (its download is not what this test is about).
    const driver = path.join(
      project,
      'node_modules',
      '.aftershock-native',
      `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    );
    fs.mkdirSync(path.dirname(driver), { recursive: true });
    fs.writeFileSync(driver, 'stand-in');
    const record = path.join(scratch, 'stub-record.txt');
    try {
      const run = npmStart(['--db', path.join(scratch, 'x.sqlite')], {
        ELECTRON_MIRROR: mirror.url,
        electron_use_remote_checksums: '1',
        electron_config_cache: path.join(scratch, 'electron-cache'),
        AFTERSHOCK_STUB_RECORD: record,
      });
      const ended = await run.exited;
      expect(ended.code, run.output()).toBe(0);
      expect(mirror.requests.some((url) => url.endsWith(`/${ZIP_NAME}`))).toBe(true);
      expect(fs.readFileSync(path.join(project, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe(PLATFORM_PATH);
      expect(fs.readFileSync(record, 'utf8').trim().split('\n')).toEqual([
        `cwd=${fs.realpathSync(project)}`,
        'arg=.',
        'arg=--db',
        `arg=${path.join(scratch, 'x.sqlite')}`,
        'main=built',
        'preload=built',
      ]);
      expect(run.output()).not.toMatch(/Cannot download|Opening Aftershock/);
    } finally {
      await mirror.close();
    }
  }, 120_000);

  it("says how to run Electron when Linux's sandbox helper makes it abort (uses the runtime the test above installed)", async () => {
    const run = npmStart([], { AFTERSHOCK_STUB_SANDBOX_ABORT: '1', ELECTRON_MIRROR: await refusingMirror() });
    expect((await run.exited).code).not.toBe(0);
    const sandbox = path.join(project, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
    expect(run.output()).toContain("Electron stopped because Linux's sandbox helper is not set up");
    expect(run.output()).toContain(`sudo chown root:root "${sandbox}" && sudo chmod 4755 "${sandbox}"`);
    expect(run.output()).toContain('NO_SANDBOX=1 npm start (starts Electron with --no-sandbox)');
  }, 120_000);
});
