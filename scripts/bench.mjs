// `npm run bench`: bundles the TypeScript benchmarks with esbuild and runs them under plain Node.
import { importTs } from './import-ts.mjs';

const { runBenchmarks } = await importTs('scripts/bench/index.ts', 'bench/bench.cjs', { __APP_VERSION__: '"bench"' });
await runBenchmarks(process.argv.slice(2));
