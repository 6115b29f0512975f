import type { Database } from 'better-sqlite3';
import { listDurations } from '../db/durations';
import { chooseFundHoldings, isUnclassified, mergeClassification } from '../../shared/domain/classification';
import type { Classification, ClassificationLayer, DataSource, FundHoldings, ReferenceData } from '../../shared/domain/reference';
import { listFundHoldings } from '../db/fund-holdings';
import { listFxRates } from '../db/fx-rates';
import { listSecurityLayers } from '../db/securities';
import { listSecurityThemes, listThemes } from '../db/themes';

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Fund holdings of the given symbols that are funds with known constituents. */
export function loadFunds(db: Database, symbols: readonly string[]): Record<string, FundHoldings> {
  const funds: Record<string, FundHoldings> = {};
  const byFund = groupBy(listFundHoldings(db, symbols), (r) => r.fund);
  for (const [fund, rows] of byFund) {
    const candidates = [...groupBy(rows, (r) => r.origin).values()].map((list) => ({
      fund,
      asOf: list[0].asOf,
      source: list[0].source,
      origin: list[0].origin,
      holdings: list.map((r) => ({ symbol: r.symbol, weight: r.weight })),
    }));
    const chosen = chooseFundHoldings(candidates);
    if (chosen) funds[fund] = chosen;
  }
  return funds;
}

/** Merged classifications of the given symbols (unknown symbols are left out), in two queries. */
export function loadClassifications(db: Database, symbols: readonly string[]): Record<string, Classification> {
  const layers = groupBy<ClassificationLayer>(listSecurityLayers(db, symbols), (l) => l.symbol);
  const tags = groupBy<{ symbol: string; themeId: string; source: DataSource }>(listSecurityThemes(db, symbols), (t) => t.symbol);
  const out: Record<string, Classification> = {};
  for (const symbol of new Set([...layers.keys(), ...tags.keys()])) {
    out[symbol] = mergeClassification(symbol, layers.get(symbol) ?? [], tags.get(symbol) ?? []);
  }
  // Durations (rows come the user's first): what rate shocks move bond funds by.
  for (const row of listDurations(db, symbols)) {
    const security = out[row.symbol];
    if (security && !security.duration) security.duration = { years: row.years, source: row.source };
  }
  return out;
}

/**
 * What the engine needs about a set of symbols: classifications of them and of their funds'
 * constituents (bundled < market data < user, per field), fund holdings, FX rates, themes and
 * the list of symbols nothing classifies.
 */
export function loadReferenceData(db: Database, symbols: readonly string[]): ReferenceData {
  const asked = [...new Set(symbols)];
  const funds = loadFunds(db, asked);
  const constituents = Object.values(funds).flatMap((f) => f.holdings.map((h) => h.symbol));
  const securities = loadClassifications(db, [...new Set([...asked, ...constituents])]);
  return {
    securities,
    funds,
    fxRates: listFxRates(db),
    themes: listThemes(db),
    unclassified: unclassifiedSymbols(securities, asked),
  };
}

/** The symbols, of those given, that no source assigns a sector to, sorted. */
export function unclassifiedSymbols(securities: Record<string, Classification>, symbols: readonly string[]): string[] {
  return [...new Set(symbols)].filter((s) => isUnclassified(securities[s])).sort();
}

/** The given symbols that are unclassified in the database. */
export function listUnclassified(db: Database, symbols: readonly string[]): string[] {
  return unclassifiedSymbols(loadClassifications(db, symbols), symbols);
}
