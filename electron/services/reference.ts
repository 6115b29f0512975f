import type { Database } from 'better-sqlite3';
import { listDurations } from '../db/durations';
import { chooseFundHoldings, isUnclassified, mergeClassification, mergedName } from '../../shared/domain/classification';
import { indexFund, indexFundHoldings, indexFundLayer, indexFunds, type IndexFund } from '../../shared/domain/index-funds';
import { leveragedClassification, leveragedEtf, leveragedStandIns } from '../../shared/domain/leveraged-etfs';
import type { Classification, ClassificationLayer, DataSource, FundHoldings, ReferenceData, Theme } from '../../shared/domain/reference';
import type { FxRate } from '../../shared/domain/types';
import { listFundHoldings } from '../db/fund-holdings';
import { listFxRates } from '../db/fx-rates';
import { listSecurityLayers } from '../db/securities';
import { listSecurityThemes, listThemes } from '../db/themes';
import { groupBy } from '../../shared/group-by';

/** The listed index funds (mutual funds, UCITS listings) among `symbols`, as written: FXAIX, not fxaix. */
function listedIndexFunds(symbols: readonly string[]): IndexFund[] {
  return [...new Set(symbols)].map(indexFund).filter((f): f is IndexFund => f !== null && symbols.includes(f.symbol));
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
  // An index fund with no holdings of its own is looked through its stand-in ETF's (FXAIX and CSPX.L through VOO's).
  const lacking = listedIndexFunds(symbols).filter((f) => !funds[f.symbol]);
  if (lacking.length) {
    const standIns = loadFunds(db, [...new Set(lacking.map((f) => f.standIn))]);
    for (const fund of lacking) if (standIns[fund.standIn]) funds[fund.symbol] = indexFundHoldings(fund, standIns[fund.standIn]);
  }
  return funds;
}

/** Merged classifications of the given symbols (unknown symbols are left out), in two queries. */
export function loadClassifications(db: Database, symbols: readonly string[]): Record<string, Classification> {
  const layers = groupBy<ClassificationLayer, string>(listSecurityLayers(db, symbols), (l) => l.symbol);
  const tags = groupBy<{ symbol: string; themeId: string; source: DataSource }, string>(listSecurityThemes(db, symbols), (t) => t.symbol);
  // An index fund the bundled master lacks takes its stand-in ETF's classification as its bundled layer, and its
  // themes and duration where it has none: under your own and market data's, which win.
  const funds = listedIndexFunds(symbols).filter((f) => !layers.get(f.symbol)?.some((l) => l.source === 'bundled'));
  const standIns = funds.length ? loadClassifications(db, [...new Set(funds.map((f) => f.standIn))]) : {};
  for (const fund of funds) {
    const standIn = standIns[fund.standIn];
    const layer = indexFundLayer(fund, standIn);
    if (!layer) continue;
    layers.set(fund.symbol, [...(layers.get(fund.symbol) ?? []), layer]);
    if (!tags.get(fund.symbol)?.some((t) => t.source === 'bundled'))
      tags.set(fund.symbol, [
        ...(tags.get(fund.symbol) ?? []),
        ...standIn.themes.map((themeId) => ({ symbol: fund.symbol, themeId, source: 'bundled' as const })),
      ]);
  }
  const out: Record<string, Classification> = {};
  for (const symbol of new Set([...layers.keys(), ...tags.keys()])) {
    out[symbol] = mergeClassification(symbol, layers.get(symbol) ?? [], tags.get(symbol) ?? []);
  }
  // Durations (rows come the user's first): what rate shocks move bond funds by.
  for (const row of listDurations(db, symbols)) {
    const security = out[row.symbol];
    if (security && !security.duration) security.duration = { years: row.years, source: row.source };
  }
  for (const fund of funds) {
    const duration = standIns[fund.standIn]?.duration;
    if (out[fund.symbol] && !out[fund.symbol].duration && duration)
      out[fund.symbol].duration = { years: duration.years, source: 'bundled' };
  }
  return out;
}

/**
 * Reference data read so far, valid while the database is unchanged: funds and merged classifications by symbol (null:
 * none stored), FX rates and themes. Every stress run needs its funds' constituents (500 names for an S&P fund), and
 * reading and merging those again each time was most of a small portfolio's run.
 */
interface ReferenceCache {
  /** The database's state the entries belong to: any commit, by this connection or another, changes it. */
  state: string;
  funds: Map<string, FundHoldings | null>;
  securities: Map<string, Classification | null>;
  fxRates: FxRate[] | null;
  themes: Theme[] | null;
}

const caches = new WeakMap<Database, ReferenceCache>();

/**
 * `data_version` changes when another connection (the CLI, another window) commits; `total_changes()` counts this
 * connection's own writes. Together they change whenever anything in the file may have.
 */
function databaseState(db: Database): string {
  const row = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  return `${db.pragma('data_version', { simple: true })}:${row.changes}`;
}

function cacheOf(db: Database): ReferenceCache {
  const state = databaseState(db);
  let cache = caches.get(db);
  if (!cache || cache.state !== state) {
    cache = { state, funds: new Map(), securities: new Map(), fxRates: null, themes: null };
    caches.set(db, cache);
  }
  return cache;
}

/** Frozen all the way down: cached entries are shared by every caller, so none may change them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Fills `into` for the symbols it lacks, with `load` reading only those from the database. */
function fillMissing<T>(into: Map<string, T | null>, symbols: readonly string[], load: (missing: string[]) => Record<string, T>): void {
  const missing = symbols.filter((s) => !into.has(s));
  if (missing.length === 0) return;
  const loaded = load(missing);
  for (const symbol of missing) into.set(symbol, loaded[symbol] ? deepFreeze(loaded[symbol]) : null);
}

/**
 * What the engine needs about a set of symbols: classifications of them and of their funds'
 * constituents (bundled < market data < user, per field), fund holdings, FX rates, themes and
 * the list of symbols nothing classifies. Entries are kept until the database changes.
 */
export function loadReferenceData(db: Database, symbols: readonly string[]): ReferenceData {
  const cache = cacheOf(db);
  const asked = [...new Set(symbols)];
  // Leveraged funds move with their stand-ins (SOXL with SOXX), so the engine needs those classified and looked through.
  const withStandIns = [...new Set([...asked, ...leveragedStandIns(asked)])];
  fillMissing(cache.funds, withStandIns, (missing) => loadFunds(db, missing));
  const funds: Record<string, FundHoldings> = {};
  for (const symbol of withStandIns) {
    const fund = cache.funds.get(symbol);
    if (fund) funds[symbol] = fund;
  }
  const constituents = Object.values(funds).flatMap((f) => f.holdings.map((h) => h.symbol));
  const needed = [...new Set([...withStandIns, ...constituents])];
  fillMissing(cache.securities, needed, (missing) => loadClassifications(db, missing));
  const securities: Record<string, Classification> = {};
  for (const symbol of needed) {
    const security = cache.securities.get(symbol);
    if (security) securities[symbol] = security;
  }
  // A listed leveraged fund the security master lacks is classified by the bundled list and its stand-in.
  for (const symbol of asked) {
    const etf = leveragedEtf(symbol);
    if (etf && !securities[symbol]?.sector) securities[symbol] = leveragedClassification(etf, securities[etf.standIn]);
  }
  cache.fxRates ??= deepFreeze(listFxRates(db));
  cache.themes ??= deepFreeze(listThemes(db));
  return {
    securities,
    funds,
    fxRates: cache.fxRates,
    themes: cache.themes,
    unclassified: unclassifiedSymbols(securities, asked),
  };
}

/** The symbols, of those given, that no source assigns a sector to, sorted. */
export function unclassifiedSymbols(securities: Record<string, Classification>, symbols: readonly string[]): string[] {
  return [...new Set(symbols)].filter((s) => isUnclassified(securities[s], s)).sort();
}

/** The given symbols that are unclassified in the database. */
export function listUnclassified(db: Database, symbols: readonly string[]): string[] {
  return unclassifiedSymbols(loadClassifications(db, symbols), symbols);
}

/** Above this many positions, a lookup reads every layer of the security master rather than the symbols asked for. */
const WHOLE_MASTER_ABOVE = 2_000;

/**
 * The positions with the security master's name wherever it knows the security, the position's own name otherwise:
 * one name per security on every screen (the engine names holdings in results the same way, master first).
 */
export function withMasterNames<P extends { symbol: string; name: string }>(db: Database, positions: readonly P[]): P[] {
  // A large import asks for more symbols than the master holds (100,000 in a big file): reading its layers whole is
  // then far cheaper than looking each symbol up.
  const layers = listSecurityLayers(db, positions.length > WHOLE_MASTER_ABOVE ? null : [...new Set(positions.map((p) => p.symbol))]);
  const known = new Map<string, string>();
  for (const [symbol, own] of groupBy(layers, (l) => l.symbol)) {
    const name = mergedName(own);
    if (name) known.set(symbol, name);
  }
  for (const fund of indexFunds()) if (!known.has(fund.symbol)) known.set(fund.symbol, fund.name);
  return positions.map((p) => {
    const name = known.get(p.symbol);
    return name && name !== p.name ? { ...p, name } : p;
  });
}
