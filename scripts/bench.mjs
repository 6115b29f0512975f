// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them under plain Node.
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'bench', 'bench.cjs');
await build({
  entryPoints: [path.join(root, 'scripts', 'bench', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'yahoo-finance2', 'playwright-core', 'electron'],
  define: { __APP_VERSION__: '"bench"' },
  logLevel: 'warning',
});
const { runBenchmarks } = await import(pathToFileURL(outfile).href);
await runBenchmarks(process.argv.slice(2));
