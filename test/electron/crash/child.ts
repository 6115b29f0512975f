// A worker the crash-safety test runs under plain Node (bundled by esbuild) and SIGKILLs at random moments.
// Usage: node crash-child.js <mode> <db> <resourcesDir> [fixturesDir]
//   import    commits large position imports one after another, printing "committed <n>" after each
//   migrate   opens a database left at an older schema, which migrates it (the test built the old file)
//   refresh   refreshes market data from recorded Yahoo responses again and again
import { dispatch } from '../../../electron/handlers/dispatch';
import { createServices } from '../../../electron/services/services';
import { fixtureFetch } from '../../helpers/yahoo-fetch';
import { importText } from './import-text';

function call(services: ReturnType<typeof createServices>, name: string, request: unknown): any {
  const result = dispatch(services, name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

async function run(): Promise<void> {
  const [mode, dbPath, resourcesDir, fixturesDir] = process.argv.slice(2);
  const marketFetch = fixturesDir ? fixtureFetch([fixturesDir]).fetch : undefined;
  const services = createServices({
    dbPath,
    shell: 'test',
    version: 'crash',
    resourcesDir,
    seedSample: false,
    loadReference: false,
    marketFetch,
  });
  process.stdout.write('ready\n');
  if (mode === 'migrate') return;
  const portfolio = (call(services, 'portfolios:list', {}) as { id: number; name: string }[]).find((p) => p.name === 'Crash');
  if (!portfolio) throw new Error('the test database has no "Crash" portfolio');
  if (mode === 'import') {
    const done = (services.db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
    for (let n = done; ; n++) {
      const answer = call(services, 'imports:commit', { portfolioId: portfolio.id, fileName: `crash-${n}.csv`, text: importText(n) });
      if (answer.status !== 'imported') throw new Error(`import ${n} was not imported: ${answer.status}`);
      process.stdout.write(`committed ${n}\n`);
    }
  }
  if (mode === 'refresh') {
    for (;;) {
      call(services, 'market:refresh', { portfolioId: portfolio.id });
      const status = await services.market.settled();
      if (status.state !== 'done') throw new Error(`refresh ended ${status.state}: ${status.message}`);
      process.stdout.write('refreshed\n');
    }
  }
  throw new Error(`unknown mode "${mode}"`);
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(3);
  },
);
