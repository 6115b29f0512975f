// Builds the plain-Node entry points (CLI, browser-shell server) and the browser bridge with esbuild.
// Runs on `npm install` (prepare) so the `aftershock` bin works straight away.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'yahoo-finance2', 'electron', 'playwright-core'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

const browser = { bundle: true, platform: 'browser', target: 'chrome120', format: 'iife', minify: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...node,
    entryPoints: [path.join(root, 'electron/cli/aftershock.ts')],
    outfile: path.join(root, 'out/cli/aftershock.js'),
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The CLI prints reports with Electron when its binary is installed: a tiny Electron entry does it.
  build({
    ...node,
    entryPoints: [path.join(root, 'electron/main/print-cli.ts')],
    outfile: path.join(root, 'out/cli/print-electron.js'),
  }),
  build({
    ...node,
    entryPoints: [path.join(root, 'electron/web/main.ts')],
    outfile: path.join(root, 'out/web/server.js'),
  }),
  build({
    ...browser,
    entryPoints: [path.join(root, 'electron/web/bridge.ts')],
    outfile: path.join(root, 'out/web/bridge.js'),
  }),
  // The standalone report page (React + recharts in one file), inlined into every exported report.
  build({
    ...browser,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    entryPoints: [path.join(root, 'renderer/src/report/main.tsx')],
    outfile: path.join(root, 'out/report/report.js'),
  }),
]);
chmodSync(path.join(root, 'out/cli/aftershock.js'), 0o755);
