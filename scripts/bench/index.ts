import { engineBenchmarks } from './engine';
import { machineContext, printFigures } from './harness';
import { importBenchmarks } from './import';
import { referenceBenchmarks } from './reference';
import { storeBenchmarks } from './store';
import { reportBenchmarks } from './report';
import { uiBenchmarks } from './ui';

/** Runs every benchmark group and prints its figures with the machine's context. */
export async function runBenchmarks(_args: string[]): Promise<void> {
  console.log('# Aftershock benchmarks');
  console.log(machineContext());
  printFigures('Store and valuation', storeBenchmarks());
  printFigures('Stress engine', engineBenchmarks());
  const ui = await uiBenchmarks();
  if (typeof ui === 'string') console.log(`\n## Interactive what-if in Chromium\n${ui}`);
  else printFigures('Interactive what-if in Chromium', ui);
  printFigures('Import', importBenchmarks());
  const report = await reportBenchmarks();
  if (typeof report === 'string') console.log(`\n## Client PDF report\n${report}`);
  else printFigures('Client PDF report', report);
  printFigures('Reference data and exposure', referenceBenchmarks());
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\nPeak memory of this benchmark process (RSS): ${peak.toFixed(0)} MiB`);
}
