// Bundles one TypeScript entry point with esbuild and imports it under plain Node: how the repo's Node scripts (the
// benchmarks, the backtest derivation) run TypeScript without a loader.
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** The repository root. */
export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (a path from the root) into `out/<outfile>` and returns its exports; `define` as esbuild's. */
export async function importTs(entry, outfile, define = {}) {
  const bundle = path.join(root, 'out', outfile);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'yahoo-finance2', 'playwright-core', 'electron'],
    define,
    logLevel: 'warning',
  });
  return import(pathToFileURL(bundle).href);
}
