#!/usr/bin/env node
// Gives better-sqlite3 a binary built for this project's Electron, kept BESIDE the Node build in
// node_modules/better-sqlite3/build (which tests and the CLI use and which this script never touches).
// The work happens in a temp copy of the package: 1) prebuild-install downloads a prebuilt binary,
// 2) failing that, node-gyp compiles it from source against the Electron headers.
// Usage: node scripts/ensure-electron-sqlite.mjs [--check-only]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronArch } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const checkOnly = process.argv.includes('--check-only');
const { platform } = process;
// The architecture of the Electron that install.js fetched (arm64 under Rosetta), not of this Node.
const arch = electronArch();
const say = (message) => console.log(`[ensure-electron-sqlite] ${message}`);
const fail = (lines) => {
  console.error(['[ensure-electron-sqlite] ' + lines[0], ...lines.slice(1).map((l) => '  ' + l)].join('\n'));
  process.exit(checkOnly ? 0 : 1);
};

let electronVersion;
try {
  electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
} catch {
  fail([
    `${checkOnly ? 'WARNING' : 'ERROR'}: Electron is not installed (node_modules/electron/package.json missing). Run "npm install" first.`,
  ]);
}

// Same formula as electronSqliteBindingPath() in electron/main/native-binding.ts: keep the two identical.
const target = path.join(
  root,
  'node_modules',
  '.aftershock-native',
  `electron-${electronVersion}-${platform}-${arch}`,
  'better_sqlite3.node',
);
const shown = path.relative(root, target);

if (fs.existsSync(target)) {
  say(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}) is ready: ${shown}`);
  process.exit(0);
}
if (checkOnly) {
  console.warn(`[ensure-electron-sqlite] WARNING: ${shown} is missing; "npm start" would fetch or build it first.`);
  console.warn('[ensure-electron-sqlite] The packaged app does not need it (electron-builder rebuilds better-sqlite3 for Electron).');
  process.exit(0);
}

// This machine's (or a CI's) npm config may say nodedir=/usr etc.; npm exports it to scripts as npm_config_*,
// and node-gyp/prebuild-install would then quietly build for Node instead of Electron. Drop those settings
// (and loglevel: under `npm -s` they would print no reason for a failure).
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_config_(nodedir|target|target_arch|arch|runtime|platform|disturl|dist_url|build_from_source|loglevel)$/i.test(key),
  ),
);

function run(label, script, args, cwd, timeoutSeconds) {
  say(`${label}...`);
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 << 20,
    windowsHide: true,
  });
  if (r.status === 0 && !r.error) return null;
  const why =
    r.error?.code === 'ETIMEDOUT'
      ? `timed out after ${timeoutSeconds} s`
      : r.error
        ? r.error.message
        : `exited with code ${r.status ?? r.signal}`;
  const noise =
    /^gyp (info|ERR! (System|command|cwd|node -v|node-gyp -v|not ok|\$npm_)|ERR! stack\s+at )|^\s*at |^\(node:\d+\)|^\(Use `node|^\s*$/;
  const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`
    .split(/\r?\n/)
    .filter((line) => !noise.test(line))
    .slice(-6);
  return [`${label} failed: ${why}`, ...tail.map((line) => `  | ${line}`)];
}

const sqliteDir = fs.realpathSync(path.join(root, 'node_modules', 'better-sqlite3')); // real path: pnpm/links use symlinks
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-sqlite-'));

function install(what) {
  const built = path.join(tmp, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) return [`${what}: no build/Release/better_sqlite3.node was produced`];
  // An Electron build must NOT load in plain Node; if it does, the build targeted Node after all.
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(built)})`], {
    env,
    windowsHide: true,
  });
  if (probe.status === 0) return [`${what} loads in Node ${process.version}: it was built for Node, not Electron`];
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  return null;
}

function prebuilt() {
  let bin;
  try {
    bin = require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] });
  } catch {
    return ['prebuild-install is not installed'];
  }
  const args = ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform];
  return run('Downloading a prebuilt binary (prebuild-install)', bin, args, tmp, 60) ?? install('The downloaded binary');
}

function compiled() {
  const candidates = [
    env.npm_config_node_gyp, // set by npm for scripts: npm's own node-gyp
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]; // Windows
  try {
    candidates.unshift(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    /* not installed locally */
  }
  const nodeGyp = candidates.find((file) => file?.endsWith('.js') && fs.existsSync(file));
  if (!nodeGyp) return ['node-gyp was not found (neither in node_modules nor bundled with npm)'];
  const args = [`--target=${electronVersion}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'];
  // Fetch the headers first (--ensure: keep a cached copy) so that being offline fails fast and clearly.
  return (
    run(`Downloading the Electron ${electronVersion} headers (node-gyp)`, nodeGyp, ['install', '--ensure', ...args], tmp, 120) ??
    run('Compiling from source (node-gyp, takes a few minutes)', nodeGyp, ['rebuild', '--release', ...args], tmp, 1800) ??
    install('The compiled binary')
  );
}

const problems = [];
try {
  const { version } = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8'));
  say(`getting better-sqlite3 ${version} for Electron ${electronVersion} (${platform}-${arch}), working in ${tmp}`);
  fs.cpSync(sqliteDir, tmp, { recursive: true, filter: (src) => path.relative(sqliteDir, src) !== 'build' });
  for (const step of [prebuilt, compiled]) {
    const problem = step();
    if (!problem) break;
    problems.push(problem);
  }
} catch (error) {
  problems.push([`unexpected error: ${error.message}`]);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (fs.existsSync(target)) {
  say(`done: ${shown}`);
} else {
  fail([
    `ERROR: could not get better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}); "npm start" cannot open the database.`,
    ...problems.flatMap((lines, i) => [`${i + 1}. ${lines[0]}`, ...lines.slice(1)]),
    'How to fix (network access is needed once; the result is kept in node_modules/.aftershock-native/):',
    '  - Re-run "node scripts/ensure-electron-sqlite.mjs" with access to github.com (prebuilt binary),',
    '    or set HTTPS_PROXY, or a mirror: npm_config_better_sqlite3_binary_host=<url>.',
    '  - Or let it compile: needs electronjs.org (headers), Python 3 and a C++20 compiler',
    '    (Debian/Ubuntu: apt-get install -y python3 make g++; macOS: Xcode CLT; Windows: VS Build Tools "Desktop C++").',
    '  - Tests and the CLI (plain Node) are not affected; the packaged app ("npm run dist") is not either.',
  ]);
}
