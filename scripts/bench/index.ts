import { machineContext, printFigures } from './harness';
import { referenceBenchmarks } from './reference';
import { storeBenchmarks } from './store';

/** Runs every benchmark group and prints its figures with the machine's context. */
export async function runBenchmarks(_args: string[]): Promise<void> {
  console.log('# Aftershock benchmarks');
  console.log(machineContext());
  printFigures('Store and valuation', storeBenchmarks());
  printFigures('Reference data and exposure', referenceBenchmarks());
}
