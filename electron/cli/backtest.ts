import { largestDays, type BacktestDay, type BacktestTotals } from '../../shared/history/backtest';
import { toCsv } from '../../shared/csv';
import { varVerdicts, type VarBacktestRow } from '../../shared/history/var-backtest';
import { backtestStored, varBacktestStored } from '../services/backtest';
import type { Services } from '../services/services';
import { noExtraArguments, type CliContext } from './context';
import { optionalDate } from './stress';
import { renderTable } from './table';

const points = (x: number) => (x * 100).toFixed(2);
const share = (x: number) => `${Math.round(x * 100)}%`;
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}%`;

function row(label: string, t: Pick<BacktestTotals, 'pairs' | 'mae' | 'maeZero' | 'maeBeta' | 'coverage'>, market: string): string[] {
  return [label, market, String(t.pairs), points(t.mae), points(t.maeZero), points(t.maeBeta), share(t.coverage)];
}

const dayRow = (d: BacktestDay) => row(d.date, { ...d, pairs: d.pairs.length }, signed(d.market));

/** `aftershock backtest [--from DATE] [--to DATE] [--json|--csv]`: propagation's track record on every stress day. */
export function runBacktestCommand(context: CliContext, services: Services, rest: string[]): number {
  noExtraArguments('backtest', rest);
  const from = optionalDate(context, 'from');
  const to = optionalDate(context, 'to');
  if (context.options.var) return printVar(context, varBacktestStored(services, { from, to }));
  const started = Date.now();
  const result = backtestStored(services, { from, to });
  const seconds = (Date.now() - started) / 1000;
  if (context.json) return (context.out(JSON.stringify({ ...result, seconds }, null, 2)), 0);
  if (context.options.csv) {
    const header = ['date', 'why', 'symbol', 'actual', 'predicted', 'low', 'high', 'one_factor_beta'];
    return (
      context.out(
        toCsv(
          header,
          result.days.flatMap((d) =>
            d.pairs.map((p) => [d.date, d.why.join('; '), p.symbol, p.actual, p.predicted, p.low, p.high, p.beta]),
          ),
        ).trimEnd(),
      ),
      0
    );
  }
  const { overall } = result;
  if (overall.days === 0) {
    context.out(
      `No stress day could be tested${from || to ? ` between ${from ?? 'the start'} and ${to ?? 'the end'}` : ''}: the history needs ${result.model.minObservations} days before a day.`,
    );
    return 0;
  }
  context.out(
    `Propagation backtest: ${overall.days} stress days (SPY ±2%, SMH ±4%, dated events), ${result.days[0].date} → ${result.days[result.days.length - 1].date}, ${overall.pairs} (ticker, day) pairs, ${seconds.toFixed(1)} s`,
  );
  context.out('Mean absolute error in points; the band is the 95% band.');
  const headers = ['Day', 'Market', 'Tickers', 'Model', 'No move', 'Market beta', 'In band'];
  context.out(
    renderTable(
      headers,
      [row('All stress days', overall, ''), ...largestDays(result.days, 10).map(dayRow)],
      [false, true, true, true, true, true, true],
    ),
  );
  context.out(
    `Model: ${overall.mae < overall.maeZero ? `${share(1 - overall.mae / overall.maeZero)} below assuming no move` : 'no better than assuming no move'}, ${overall.mae < overall.maeBeta ? `${share(1 - overall.mae / overall.maeBeta)} below a one-factor market beta` : 'no better than a one-factor market beta'}.`,
  );
  context.out(
    `An equal-weight book of each day's tickers: its band (holdings correlated) held its move on ${share(overall.bookCoverage)} of the days; adding the tickers' bands end to end, ${share(overall.bookCoverageEndToEnd)}.`,
  );
  for (const s of result.skipped) context.out(`Not tested: ${s.date} (${s.why}).`);
  return 0;
}

/** `aftershock backtest --var`: breaches of rolling 1-day VaR and Kupiec's test, per method and level and per series. */
function printVar(context: CliContext, rows: VarBacktestRow[]): number {
  const verdicts = varVerdicts(rows);
  if (context.json) return (context.out(JSON.stringify({ verdicts, rows }, null, 2)), 0);
  if (context.options.csv) {
    const header = ['series', 'method', 'level', 'from', 'to', 'days', 'breaches', 'expected', 'rate', 'kupiec_lr', 'p_value', 'pass'];
    return (
      context.out(
        toCsv(
          header,
          rows.map((r) => [
            r.series,
            r.method,
            r.level,
            r.from,
            r.to,
            r.days,
            r.breaches,
            r.expected,
            r.rate,
            r.lr,
            r.pValue,
            r.pass ? 'yes' : 'no',
          ]),
        ).trimEnd(),
      ),
      0
    );
  }
  if (rows.length === 0)
    return (context.out('No series has enough history for a VaR backtest (two years before the first day tested).'), 0);
  context.out(
    `VaR backtest: rolling 1-day VaR from the 504 trading days before each day, ${rows[0].from} → ${rows[0].to} for most series; a breach is a loss beyond it.`,
  );
  context.out("Kupiec's proportion-of-failures test at the 5% significance level (likelihood ratio below 3.84 passes).");
  context.out(
    renderTable(
      ['Method', 'Level', 'Series passing', 'Breaches', 'Days', 'Breach rate', 'Expected'],
      verdicts.map((v) => [
        v.method,
        `${v.level * 100}%`,
        `${v.passing} of ${v.series}`,
        String(v.breaches),
        String(v.days),
        `${(v.rate * 100).toFixed(2)}%`,
        `${((1 - v.level) * 100).toFixed(0)}%`,
      ]),
      [false, false, true, true, true, true, true],
    ),
  );
  const books = rows.filter((r) => r.series.includes('('));
  if (books.length) {
    context.out('Sample books:');
    context.out(
      renderTable(
        ['Book', 'Method', 'Level', 'Breaches', 'Expected', 'Kupiec LR', 'Pass'],
        books.map((r) => [
          r.series,
          r.method,
          `${r.level * 100}%`,
          String(r.breaches),
          r.expected.toFixed(1),
          r.lr.toFixed(2),
          r.pass ? 'yes' : 'no',
        ]),
        [false, false, false, true, true, true, false],
      ),
    );
  }
  return 0;
}
