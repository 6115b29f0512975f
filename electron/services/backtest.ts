import type { Database } from 'better-sqlite3';
import type { BacktestResult } from '../../shared/history/backtest';
import { stressDayBacktest } from '../../shared/history/backtest-runs';
import type { PriceHistory } from '../../shared/history';
import { listCloseSeries, summarisePrices } from '../db/prices';
import { proxyConfig } from './history';
import { loadReferenceData } from './reference';
import { getScenario, listScenarios } from './scenario-library';
import type { Services } from './services';

/** Every stored series of a security (bundled and downloaded), leaving out FX pairs and indices. */
export function storedHistory(db: Database): PriceHistory {
  const symbols = summarisePrices(db).map((row) => row.symbol).filter((s) => !/[=^]/.test(s));
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
  return stressDayBacktest(history, { config: proxyConfig(services.db), targets, basketMembers: stocks, events, from: request.from, to: request.to });
}
