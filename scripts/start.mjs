#!/usr/bin/env node
// `npm start` and `npm run dev`: 1) the Electron runtime, with Electron's own installer (node_modules/electron/install.js),
// 2) better-sqlite3 built for that Electron (scripts/ensure-electron-sqlite.mjs), 3) the build, 4) electron-vite.
// When 1 or 2 cannot be had, `npm start` says why and opens the same app in the browser shell instead (on the same
// database); `--no-fallback` (or AFTERSHOCK_NO_FALLBACK=1) and `npm run dev` stop with exit code 1 instead.
// Usage: node scripts/start.mjs [--dev] [--no-fallback] [--db PATH] [other Electron arguments]
// AFTERSHOCK_NO_BROWSER=1 prints the fallback address without opening a browser.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronRuntime } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const isDev = args.includes('--dev');
const noFallback = isDev || args.includes('--no-fallback') || /^(1|true|yes)$/i.test(process.env.AFTERSHOCK_NO_FALLBACK ?? '');
const electronArgs = args.filter((a) => a !== '--dev' && a !== '--no-fallback');
const say = (message) => console.log(`[start] ${message}`);
const tell = (lines) => console.error(lines.map((line, i) => (i === 0 ? `[start] ${line}` : `  ${line}`)).join('\n'));
const node = (script, scriptArgs = [], options = {}) =>
  spawnSync(process.execPath, [path.join(root, script), ...scriptArgs], { cwd: root, stdio: 'inherit', windowsHide: true, ...options });

/** Runs Electron's installer when the runtime is missing; returns the executable, or null after saying why not. */
function ensureElectronRuntime() {
  const found = electronRuntime(root);
  if (!found.version) {
    tell([
      'Electron is not installed (node_modules/electron is missing), so the desktop app cannot start.',
      'What to do: run "npm install" first.',
    ]);
    return null;
  }
  if (found.executable) return found.executable;
  const from = mirror();
  say(`getting the Electron ${found.version} runtime (about 100 MB, once) from ${from} with Electron's installer...`);
  const r = node(path.join('node_modules', 'electron', 'install.js'), [], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const installed = electronRuntime(root).executable;
  if (r.status === 0 && installed) return installed;
  const lines = `${r.stderr ?? ''}`.split(/\r?\n/);
  const why = (
    r.error?.message ??
    lines.find((l) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN|status|code/i.test(l)) ??
    lines.find(Boolean) ??
    `exited with code ${r.status}`
  )
    .trim()
    .replace(/^(Type|Request)?Error: /, '');
  tell([
    `Cannot download Electron ${found.version}, the desktop app's runtime, from ${from} (${why}).`,
    'What to do: run "npm start" again where that address is reachable; behind a proxy set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1;',
    "or set ELECTRON_MIRROR to a mirror of Electron's releases (https://www.electronjs.org/docs/latest/tutorial/installation#mirror).",
    'The command line, the tests and "npm run web" do not need it.',
  ]);
  return null;
}

/** Where install.js downloads from (@electron/get reads these settings, first found wins). */
function mirror() {
  const env = process.env;
  const base =
    env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR || env.npm_package_config_electron_mirror || env.ELECTRON_MIRROR;
  return base || 'github.com';
}

/** The browser shell on the database the desktop app would use; runs until Ctrl+C. */
function startBrowserShell() {
  say('building the app for the browser shell...');
  if (node('node_modules/electron-vite/bin/electron-vite.js', ['build', '--logLevel', 'warn']).status !== 0) process.exit(1);
  if (node('scripts/build-node.mjs').status !== 0) process.exit(1);
  const db = dbArgument();
  const server = spawn(process.execPath, [path.join(root, 'out', 'web', 'server.js'), ...(db ? ['--db', db] : [])], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    windowsHide: true,
  });
  let buffered = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const url = /^Open: (\S+)/.exec(line)?.[1];
      if (!url) {
        console.log(line);
        continue;
      }
      console.log(`Opening Aftershock in your browser instead: ${url} (Ctrl+C to stop)`);
      openBrowser(url);
    }
  });
  // Ctrl+C reaches the server too (same process group); it closes the database and exits, and so do we.
  const forward = (signal) => () => server.exitCode === null && server.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  server.on('close', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

/** --db PATH or --db=PATH among the arguments, for the browser shell (Electron reads it itself). */
function dbArgument() {
  const at = electronArgs.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (at === -1) return undefined;
  return electronArgs[at].startsWith('--db=') ? electronArgs[at].slice(5) : electronArgs[at + 1];
}

/** The default browser, when there is a screen to show it on; silently nothing otherwise. */
function openBrowser(url) {
  const { platform, env } = process;
  if (env.AFTERSHOCK_NO_BROWSER) return;
  const command =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? ['xdg-open', [url]]
          : null;
  if (!command) return;
  const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true, windowsHide: true });
  child.on('error', () => undefined);
  child.unref();
}

/** electron-vite with the runtime we checked; explains Linux's sandbox abort when Electron stops on it. */
function launch(executable) {
  const env = { ...process.env, ELECTRON_EXEC_PATH: executable };
  const viteArgs = [...(isDev ? ['dev'] : ['preview', '--skipBuild']), '--', ...electronArgs];
  const child = spawn(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), ...viteArgs], {
    cwd: root,
    env,
    stdio: ['inherit', 'inherit', 'pipe'],
    windowsHide: true,
  });
  let sawSandboxAbort = false;
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    if (/SUID sandbox helper|chrome-sandbox/.test(String(chunk))) sawSandboxAbort = true;
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.exitCode === null && child.kill(signal));
  child.on('close', (code, signal) => {
    if (sawSandboxAbort && code !== 0) {
      const sandbox = path.join(path.dirname(executable), 'chrome-sandbox');
      tell([
        "Electron stopped because Linux's sandbox helper is not set up (it must belong to root with mode 4755).",
        `What to do: sudo chown root:root "${sandbox}" && sudo chmod 4755 "${sandbox}", then "npm start" again;`,
        'or, for development only, NO_SANDBOX=1 npm start (starts Electron with --no-sandbox).',
      ]);
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  say(
    `note: Node ${process.versions.node}; the desktop app's tooling (Electron 42) needs Node.js 22.12 or newer. The CLI, tests and browser shell work on 20.19+.`,
  );
}

const executable = ensureElectronRuntime();
const driverReady = executable !== null && node('scripts/ensure-electron-sqlite.mjs').status === 0;
if (executable && driverReady) {
  if (!isDev) {
    say('building the app...');
    if (node('node_modules/electron-vite/bin/electron-vite.js', ['build', '--logLevel', 'warn']).status !== 0) process.exit(1);
    if (node('scripts/build-node.mjs').status !== 0) process.exit(1);
  }
  launch(executable);
} else if (noFallback) {
  process.exit(1);
} else {
  startBrowserShell();
}
