import { engineBenchmarks, referenceAgreement } from './engine';
import { batchPdfBenchmark, firmBenchmarks } from './firm';
import { machineContext, printFigures } from './harness';
import { historyBenchmarks } from './history';
import { backtestBenchmarks } from './backtest';
import { importBenchmarks } from './import';
import { largeBenchmarks } from './large';
import { referenceBenchmarks } from './reference';
import { storeBenchmarks } from './store';
import { reportBenchmarks } from './report';
import { uiBenchmarks } from './ui';

/** Runs every benchmark group, or only those named (store, engine, firm, ui, import, report, reference, history, backtest, large), and prints the figures. */
export async function runBenchmarks(args: string[]): Promise<void> {
  const isWanted = (group: string) => args.length === 0 || args.includes(group);
  console.log('# Aftershock benchmarks');
  console.log(machineContext());
  if (isWanted('store')) printFigures('Store and valuation', storeBenchmarks());
  if (isWanted('engine')) {
    printFigures('Stress engine', engineBenchmarks());
    console.log(referenceAgreement());
  }
  if (isWanted('firm')) {
    printFigures('Firm-wide stress', firmBenchmarks());
    const batch = await batchPdfBenchmark();
    if (typeof batch === 'string') console.log(`\n## Batch PDF reports\n${batch}`);
    else printFigures('Batch PDF reports', batch);
  }
  if (isWanted('ui')) {
    const ui = await uiBenchmarks();
    if (typeof ui === 'string') console.log(`\n## Interactive what-if in Chromium\n${ui}`);
    else printFigures('Interactive what-if in Chromium', ui);
  }
  if (isWanted('import')) printFigures('Import', importBenchmarks());
  if (isWanted('report')) {
    const report = await reportBenchmarks();
    if (typeof report === 'string') console.log(`\n## Client PDF report\n${report}`);
    else printFigures('Client PDF report', report);
  }
  if (isWanted('reference')) printFigures('Reference data and exposure', referenceBenchmarks());
  if (isWanted('history')) printFigures('History: replay, propagation, risk (5,000 positions, 5 years daily)', historyBenchmarks());
  if (isWanted('backtest')) printFigures('Propagation backtest on the bundled closes', backtestBenchmarks());
  // Not in the default run: it builds two large databases and drives Chromium (about a minute).
  if (args.includes('large')) {
    const large = await largeBenchmarks();
    printFigures('Large data (10,000 positions; 1,000 clients)', large.figures);
    console.log(large.memory.map((m) => `Memory ${m}`).join('\n'));
    if (typeof large.ui === 'string') console.log(`\n## Large data on screen\n${large.ui}`);
    else printFigures('Large data on screen (Chromium)', large.ui);
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\nPeak memory of this benchmark process (RSS): ${peak.toFixed(0)} MiB`);
}
