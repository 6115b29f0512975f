#!/usr/bin/env node
// `npm run dist`: electron-builder, then the Node build of better-sqlite3 put back. electron-builder rebuilds
// better-sqlite3 for Electron in place (node_modules/better-sqlite3/build), after which the CLI, `npm test` and
// `npm run web` could not load it; this keeps a copy of the Node binary and restores it however the build ends.
// Usage: node scripts/dist.mjs [electron-builder arguments]
// AFTERSHOCK_DIST_BUILDER=<script.js> runs that script instead of electron-builder (tests).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const builder = process.env.AFTERSHOCK_DIST_BUILDER ?? path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const say = (message) => console.log(`[dist] ${message}`);

if (!fs.existsSync(binary)) {
  console.error(`[dist] The Node build of better-sqlite3 is missing (${path.relative(root, binary)}). Run "npm install" first.`);
  process.exit(1);
}
const kept = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aftershock-dist-')), 'better_sqlite3.node');
fs.copyFileSync(binary, kept);

/** Puts the Node binary back (electron-builder leaves its Electron build there); true when it was replaced. */
function restore() {
  const replaced = !fs.existsSync(binary) || !fs.readFileSync(binary).equals(fs.readFileSync(kept));
  if (replaced) {
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.copyFileSync(kept, binary);
  }
  fs.rmSync(path.dirname(kept), { recursive: true, force: true });
  return replaced;
}

const child = spawn(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  windowsHide: true,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.exitCode === null && child.kill(signal));
child.on('close', (code, signal) => {
  if (restore())
    say(
      'put the Node build of better-sqlite3 back (electron-builder had rebuilt it for Electron): the CLI, tests and browser shell keep working.',
    );
  process.exit(code ?? (signal ? 1 : 0));
});
