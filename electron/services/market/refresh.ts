import type { Database } from 'better-sqlite3';
import type { MarketError, MarketJobStatus, MarketPart } from '../../../shared/domain/market';
import { fxPairSymbol } from '../../../shared/history/fx';
import { replaceFundHoldings } from '../../db/fund-holdings';
import { upsertFxRate } from '../../db/fx-rates';
import { insertPrices } from '../../db/prices';
import { upsertQuote } from '../../db/quotes';
import { listSecurityLayers, upsertSecurityLayer } from '../../db/securities';
import { isIsin } from '../../../shared/import/identifiers';
import { isOfflineError, type MarketClient, type MarketProfile } from './yahoo-client';

const SOURCE = 'Yahoo Finance';
const HISTORY_YEARS = 5;
/** FX closes are fetched again this many days back on every refresh: the short window the latest rate always came from. */
const FX_OVERLAP_DAYS = 10;

/** Yahoo's sector names → GICS sector names, so downloaded sectors match bundled ones and scenarios. */
const GICS_SECTOR: Record<string, string> = {
  Technology: 'Information Technology',
  Healthcare: 'Health Care',
  'Financial Services': 'Financials',
  'Consumer Cyclical': 'Consumer Discretionary',
  'Consumer Defensive': 'Consumer Staples',
  'Basic Materials': 'Materials',
  'Communication Services': 'Communication Services',
  Energy: 'Energy',
  Industrials: 'Industrials',
  'Real Estate': 'Real Estate',
  Utilities: 'Utilities',
};

export interface RefreshRequest {
  symbols: string[];
  /** FX pairs [from, to] to refresh. */
  fxPairs: [string, string][];
}

export interface RefreshOptions {
  concurrency: number;
  signal: AbortSignal;
  onProgress(status: Pick<MarketJobStatus, 'done' | 'total' | 'updated' | 'errors'>): void;
  now?: () => Date;
}

type Outcome = Pick<MarketJobStatus, 'done' | 'total' | 'updated' | 'errors'> & { isOffline: boolean; isCancelled: boolean };

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * The market-data layer of a profile. Descriptive fields come from Yahoo; the taxonomy fields
 * (sector mapped to GICS, industry) only fill gaps, because Yahoo's industries are not GICS
 * sub-industries and scenarios shock GICS names.
 */
function profileLayer(db: Database, symbol: string, profile: MarketProfile, asOf: string, isin: string | null) {
  const bundled = listSecurityLayers(db, [symbol]).find((l) => l.source === 'bundled');
  const sector = profile.sector ? (GICS_SECTOR[profile.sector] ?? profile.sector) : null;
  return {
    symbol,
    source: 'market-data' as const,
    name: profile.name,
    type: profile.type,
    sector: bundled?.sector ? null : sector,
    industry: bundled?.industry ? null : profile.industry,
    country: profile.country,
    currency: profile.currency,
    exchange: profile.exchange,
    isin,
    themesOverride: false,
    asOf,
  };
}

function lastStoredDate(db: Database, symbol: string): string | null {
  const row = db.prepare('SELECT MAX(date) AS last FROM prices WHERE symbol = :symbol').get({ symbol }) as { last: string | null };
  return row.last;
}

/** Where a history request starts: the day after the last stored close (or `overlapDays` back, if earlier), else HISTORY_YEARS ago. */
function historyStart(db: Database, symbol: string, now: Date, overlapDays = 0): Date {
  const last = lastStoredDate(db, symbol);
  if (!last) return new Date(now.getTime() - HISTORY_YEARS * 365.25 * 86_400_000);
  const next = Date.parse(`${last}T00:00:00Z`) + 86_400_000;
  return new Date(overlapDays > 0 ? Math.min(next, now.getTime() - overlapDays * 86_400_000) : next);
}

/**
 * Refreshes quotes, profiles, fund top holdings, daily history and FX with bounded concurrency.
 * Each symbol's results are written in one transaction after all its calls finished; a part that
 * failed or was malformed is listed as an error and leaves that part of the cache untouched.
 * Only symbols are sent (an ISIN-only holding sends its ISIN to the search). Stops early, calmly, when the network is unreachable or on cancel.
 */
export async function refreshMarketData(
  db: Database,
  client: MarketClient,
  request: RefreshRequest,
  options: RefreshOptions,
): Promise<Outcome> {
  const now = options.now ?? (() => new Date());
  const total = request.symbols.length + request.fxPairs.length;
  const outcome: Outcome = { done: 0, total, updated: [], errors: [], isOffline: false, isCancelled: false };
  const stop = () => outcome.isOffline || options.signal.aborted;
  const fail = (symbol: string, part: MarketPart, error: unknown) => {
    if (isOfflineError(error)) outcome.isOffline = true;
    else outcome.errors.push({ symbol, part, message: messageOf(error) } satisfies MarketError);
  };
  const attempt = async <T>(symbol: string, part: MarketPart, call: () => Promise<T>): Promise<T | null> => {
    if (stop()) return null;
    try {
      return await call();
    } catch (error) {
      fail(symbol, part, error);
      return null;
    }
  };

  const symbolTask = async (symbol: string) => {
    // A holding known only by ISIN: Yahoo's search names its listing (only the ISIN is sent); the listing's quote,
    // profile and history are kept under the ISIN the holding carries.
    const isin = isIsin(symbol) ? symbol : null;
    const listing = isin ? await attempt(symbol, 'profile', () => client.listingOf(isin)) : symbol;
    if (!listing) return;
    const from = historyStart(db, symbol, now());
    const quote = await attempt(symbol, 'quote', () => client.quote(listing));
    const summary = await attempt(symbol, 'profile', () => client.summary(listing));
    const history = await attempt(symbol, 'history', () => client.history(listing, from));
    if (stop() || (!quote && !summary && !history)) return;
    const asOf = now().toISOString().slice(0, 10);
    const write = db.transaction(() => {
      if (quote) upsertQuote(db, { symbol, ...quote, source: SOURCE });
      if (summary) {
        upsertSecurityLayer(db, profileLayer(db, symbol, summary.profile, asOf, isin));
        if (summary.holdings)
          replaceFundHoldings(db, symbol, 'market-data', summary.holdings.asOf, `${SOURCE} top holdings`, summary.holdings.holdings);
      }
      if (history?.length)
        insertPrices(
          db,
          history.map((b) => ({ symbol, ...b, source: SOURCE })),
          'replace',
        );
    });
    try {
      write();
      outcome.updated.push(symbol);
    } catch (error) {
      // The transaction rolled back: this symbol's cache is as it was.
      outcome.errors.push({
        symbol,
        part: quote ? 'quote' : summary ? 'profile' : 'history',
        message: `could not be stored (${messageOf(error)})`,
      });
    }
  };
  // The latest rate in fx_rates, and the pair's daily closes in prices under its Yahoo symbol (EURUSD=X) for replays.
  const fxTask = async ([from, to]: [string, string]) => {
    const symbol = fxPairSymbol(from, to);
    const fx = await attempt(`${from}/${to}`, 'fx', () => client.fx(from, to, historyStart(db, symbol, now(), FX_OVERLAP_DAYS)));
    if (!fx || stop()) return;
    const write = db.transaction(() => {
      upsertFxRate(db, { currency: from, quote: to, rate: fx.rate, asOf: fx.asOf, source: SOURCE });
      if (fx.bars.length)
        insertPrices(
          db,
          fx.bars.map((b) => ({ symbol, ...b, source: SOURCE })),
          'replace',
        );
    });
    try {
      write();
      outcome.updated.push(`${from}/${to}`);
    } catch (error) {
      outcome.errors.push({ symbol: `${from}/${to}`, part: 'fx', message: `could not be stored (${messageOf(error)})` });
    }
  };

  const tasks: (() => Promise<void>)[] = [
    ...request.fxPairs.map((pair) => () => fxTask(pair)),
    ...request.symbols.map((symbol) => () => symbolTask(symbol)),
  ];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !stop()) {
      const task = tasks[next++];
      await task();
      outcome.done++;
      options.onProgress({ done: outcome.done, total, updated: [...outcome.updated], errors: [...outcome.errors] });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, tasks.length)) }, worker));
  outcome.isCancelled = options.signal.aborted;
  return outcome;
}
