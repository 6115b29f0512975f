import path from 'node:path';
import { expandSeries, readBundledReference } from '../../electron/services/bundled-reference';
import { builtInScenarios } from '../../electron/services/scenario-library';
import type { BacktestSetup } from '../../shared/history/backtest-runs';
import { defaultProxies, type PriceSeries } from '../../shared/history';

/**
 * The backtest's inputs from the bundled files alone (no database): prices merged as the app loads them (the first
 * series of a symbol wins a date), theme baskets of bundled stocks, and the dated events of the built-in scenarios.
 */
export function bundledBacktestInputs(resourcesDir: string): { history: Map<string, PriceSeries>; setup: BacktestSetup } {
  const bundle = readBundledReference(resourcesDir);
  const merged = new Map<string, Map<string, number>>();
  for (const series of bundle.prices.series) {
    const rows = merged.get(series.symbol) ?? merged.set(series.symbol, new Map()).get(series.symbol)!;
    for (const row of expandSeries(series, 'bundled')) if (!rows.has(row.date)) rows.set(row.date, row.close);
  }
  const history = new Map<string, PriceSeries>();
  for (const [symbol, rows] of merged) {
    if (/[=^]/.test(symbol)) continue;
    const dates = [...rows.keys()].sort();
    history.set(symbol, { dates, closes: dates.map((d) => rows.get(d)!) });
  }
  const themeMembers: Record<string, string[]> = {};
  for (const theme of bundle.themes.themes) themeMembers[theme.id] = theme.members;
  const stocks = new Set(bundle.securities.rows.filter((row) => row[2] === 'stock').map((row) => row[0]));
  const events = builtInScenarios(path.resolve(resourcesDir)).flatMap((s) => (s.event?.date ? [{ date: s.event.date, name: s.name }] : []));
  return { history, setup: { config: defaultProxies(themeMembers), targets: [...history.keys()], basketMembers: stocks, events } };
}
