import { largestDays, type BacktestDay, type BacktestTotals } from '../../shared/history/backtest';
import { toCsv } from '../../shared/csv';
import { backtestStored } from '../services/backtest';
import type { Services } from '../services/services';
import { noExtraArguments, type CliContext } from './context';
import { optionalDate } from './stress';
import { renderTable } from './table';

const points = (x: number) => (x * 100).toFixed(2);
const share = (x: number) => `${Math.round(x * 100)}%`;
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}%`;

function row(label: string, t: Omit<BacktestTotals, 'days'>, market: string): string[] {
  return [label, market, String(t.pairs), points(t.mae), points(t.maeZero), points(t.maeBeta), share(t.coverage)];
}

const dayRow = (d: BacktestDay) => row(d.date, { ...d, pairs: d.pairs.length }, signed(d.market));

/** `aftershock backtest [--from DATE] [--to DATE] [--json|--csv]`: propagation's track record on every stress day. */
export function runBacktestCommand(context: CliContext, services: Services, rest: string[]): number {
  noExtraArguments('backtest', rest);
  const from = optionalDate(context, 'from');
  const to = optionalDate(context, 'to');
  const started = Date.now();
  const result = backtestStored(services, { from, to });
  const seconds = (Date.now() - started) / 1000;
  if (context.json) return context.out(JSON.stringify({ ...result, seconds }, null, 2)), 0;
  if (context.options.csv) {
    const header = ['date', 'why', 'symbol', 'actual', 'predicted', 'low', 'high', 'one_factor_beta'];
    return context.out(toCsv(header, result.days.flatMap((d) => d.pairs.map((p) => [d.date, d.why.join('; '), p.symbol, p.actual, p.predicted, p.low, p.high, p.beta]))).trimEnd()), 0;
  }
  const { overall } = result;
  if (overall.days === 0) {
    context.out(`No stress day could be tested${from || to ? ` between ${from ?? 'the start'} and ${to ?? 'the end'}` : ''}: the history needs ${result.model.minObservations} days before a day.`);
    return 0;
  }
  context.out(`Propagation backtest: ${overall.days} stress days (SPY ±2%, SMH ±4%, dated events), ${result.days[0].date} → ${result.days[result.days.length - 1].date}, ${overall.pairs} (ticker, day) pairs, ${seconds.toFixed(1)} s`);
  context.out('Mean absolute error in points; the band is the 95% band.');
  const headers = ['Day', 'Market', 'Tickers', 'Model', 'No move', 'Market beta', 'In band'];
  context.out(renderTable(headers, [row('All stress days', overall, ''), ...largestDays(result.days, 10).map(dayRow)], [false, true, true, true, true, true, true]));
  context.out(`Model: ${overall.mae < overall.maeZero ? `${share(1 - overall.mae / overall.maeZero)} below assuming no move` : 'no better than assuming no move'}, ${overall.mae < overall.maeBeta ? `${share(1 - overall.mae / overall.maeBeta)} below a one-factor market beta` : 'no better than a one-factor market beta'}.`);
  for (const s of result.skipped) context.out(`Not tested: ${s.date} (${s.why}).`);
  return 0;
}
