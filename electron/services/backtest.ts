import type { Database } from 'better-sqlite3';
import type { BacktestResult } from '../../shared/history/backtest';
import { varBacktestAll, type VarBacktestRow } from '../../shared/history/var-backtest';
import { stressDayBacktest } from '../../shared/history/backtest-runs';
import type { PriceHistory } from '../../shared/history';
import { listCloseSeries, summarisePrices } from '../db/prices';
import { proxyConfig } from './history';
import { loadReferenceData } from './reference';
import { getScenario, listScenarios } from './scenario-library';
import type { Services } from './services';

/** Every stored series of a security (bundled and downloaded), leaving out FX pairs and indices. */
export function storedHistory(db: Database): PriceHistory {
  const symbols = summarisePrices(db)
    .map((row) => row.symbol)
    .filter((s) => !/[=^]/.test(s));
  return listCloseSeries(db, symbols);
}

/** The propagation backtest on the stored history: every stress day in [from, to] and every dated event in the library. */
export function backtestStored(services: Services, request: { from?: string; to?: string }): BacktestResult {
  const history = storedHistory(services.db);
  const targets = [...history.keys()];
  const reference = loadReferenceData(services.db, targets);
  const stocks = new Set(targets.filter((s) => reference.securities[s]?.type === 'stock'));
  const events = listScenarios(services).flatMap((summary) => {
    const { scenario } = getScenario(services, summary.id);
    return scenario.event?.date ? [{ date: scenario.event.date, name: scenario.name }] : [];
  });
  return stressDayBacktest(history, {
    config: proxyConfig(services.db),
    targets,
    basketMembers: stocks,
    events,
    from: request.from,
    to: request.to,
  });
}

/** Trading days the VaR backtest covers when no start is given (about four years). */
export const VAR_BACKTEST_DAYS = 1000;

/** The rolling 1-day VaR backtest of every stored series and the sample books, from `from` (default: the last 1,000 market days). */
export function varBacktestStored(services: Services, request: { from?: string; to?: string }): VarBacktestRow[] {
  const all = storedHistory(services.db);
  const to = request.to ?? '9999-12-31';
  const history = new Map(
    [...all].map(([symbol, s]) => {
      const end = s.dates.findLastIndex((d) => d <= to);
      return [symbol, { dates: s.dates.slice(0, end + 1), closes: s.closes.slice(0, end + 1) }] as const;
    }),
  );
  const market = history.get(proxyConfig(services.db).market.toUpperCase());
  const from = request.from ?? market?.dates[Math.max(0, market.dates.length - VAR_BACKTEST_DAYS)];
  return varBacktestAll(history, { symbols: [...history.keys()], from });
}
