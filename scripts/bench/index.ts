import { engineBenchmarks } from './engine';
import { machineContext, printFigures } from './harness';
import { storeBenchmarks } from './store';

/** Runs every benchmark group and prints its figures with the machine's context. */
export async function runBenchmarks(_args: string[]): Promise<void> {
  console.log('# Aftershock benchmarks');
  console.log(machineContext());
  printFigures('Store and valuation', storeBenchmarks());
  printFigures('Stress engine', engineBenchmarks());
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\nPeak memory of this benchmark process (RSS): ${peak.toFixed(0)} MiB`);
}
