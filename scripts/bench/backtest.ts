import { stressDayBacktest, shockSetBacktest } from '../../shared/history/backtest-runs';
import type { BacktestResult } from '../../shared/history/backtest';
import { bundledBacktestInputs } from '../backtest/bundled';
import { measure, RESOURCES, type Figure } from './harness';

const points = (x: number) => (x * 100).toFixed(2);

/** The propagation backtest on the bundled closes (every stress day, every bundled ticker): its run time and headline figures. */
export function backtestBenchmarks(): Figure[] {
  const { history, setup } = bundledBacktestInputs(RESOURCES);
  let result: BacktestResult | undefined;
  const all = measure('Backtest: all stress days, all bundled tickers', () => void (result = stressDayBacktest(history, setup)), {
    runs: 1,
    warmup: 0,
  });
  const o = result!.overall;
  all.note = `${o.days} days, ${o.pairs} pairs: MAE ${points(o.mae)} (no move ${points(o.maeZero)}, market beta ${points(o.maeBeta)}), in band ${(o.coverage * 100).toFixed(1)}%, equal-weight book in its correlated band ${(o.bookCoverage * 100).toFixed(1)}% of days`;
  let check: BacktestResult | undefined;
  const jan = measure(
    'Backtest: 27 Jan 2025, SMH SPY VST CEG TLN GEV shocked',
    () =>
      void (check = shockSetBacktest(history, {
        date: '2025-01-27',
        market: 'SPY',
        shocked: ['SMH', 'VST', 'CEG', 'TLN', 'GEV'],
        targets: setup.targets,
      })),
    { runs: 3, warmup: 1 },
  );
  jan.note = `MAE ${points(check!.overall.mae)} over ${check!.overall.pairs} tickers (no move ${points(check!.overall.maeZero)})`;
  return [all, jan];
}
