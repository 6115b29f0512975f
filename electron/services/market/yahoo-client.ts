import YahooFinance from 'yahoo-finance2';
import { z } from 'zod';
import { classifyFundProfile, type FundClassification } from '../../../shared/domain/fund-category';
import type { ClassificationLayer, SecurityType } from '../../../shared/domain/reference';
import { fxPairSymbol } from '../../../shared/history/fx';

/** What one symbol's market data looks like after checking, ready to store. */
export interface MarketQuote {
  price: number;
  currency: string;
  asOf: string;
}
/** What a market-data profile says about a symbol: the layer fields Yahoo can fill. */
export type MarketProfile = Pick<ClassificationLayer, 'name' | 'type' | 'sector' | 'industry' | 'country' | 'currency' | 'exchange'> & {
  /** A fund's classification from its quote type and fund category (type, sector and industry above already follow it). */
  fund?: FundClassification | null;
};
export interface MarketHoldings {
  asOf: string;
  holdings: { symbol: string; weight: number }[];
}
export interface MarketBar {
  date: string;
  close: number;
  adjClose: number | null;
}

/** The calls the refresh makes; the only implementation talks to Yahoo through an injected fetch. */
export interface MarketClient {
  quote(symbol: string): Promise<MarketQuote>;
  summary(symbol: string): Promise<{ profile: MarketProfile; holdings: MarketHoldings | null }>;
  history(symbol: string, from: Date): Promise<MarketBar[]>;
  /** The Yahoo symbol of a security known only by its ISIN (Yahoo's search; only the ISIN is sent). */
  listingOf(isin: string): Promise<string>;
  /** Units of `to` per unit of `from`: the latest rate, and the daily closes since `since` (one chart request). */
  fx(from: string, to: string, since: Date): Promise<{ rate: number; asOf: string; bars: MarketBar[] }>;
}

const QUOTE_TYPES: Record<string, SecurityType> = {
  EQUITY: 'stock',
  ETF: 'etf',
  MUTUALFUND: 'mutual-fund',
  MONEYMARKET: 'money-market',
  CRYPTOCURRENCY: 'crypto',
  CURRENCY: 'cash',
};

/** Yahoo sends epoch seconds; the library may already have turned them into Dates. */
const time = z.union([z.date(), z.number(), z.string()]);
const day = (d: z.infer<typeof time>) => new Date(typeof d === 'number' && d < 1e11 ? d * 1000 : d).toISOString().slice(0, 10);
const positive = z.number().refine((n) => Number.isFinite(n) && n > 0, 'must be a positive number');
const text = z.string().trim().min(1).nullish();

// Our own checks of exactly the fields we store: Yahoo's payloads drift, and a response that
// lacks them is rejected for that symbol instead of half-written.
const quoteSchema = z.object({
  regularMarketPrice: positive,
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  regularMarketTime: time.optional(),
});
const summarySchema = z.object({
  price: z.object({ longName: text, shortName: text, currency: text, exchangeName: text }).partial().optional(),
  quoteType: z.object({ quoteType: text, longName: text, exchange: text }).partial().optional(),
  assetProfile: z.object({ sector: text, industry: text, country: text }).partial().optional(),
  fundProfile: z.object({ categoryName: text, legalType: text }).partial().optional(),
  topHoldings: z
    .object({
      holdings: z.array(z.object({ symbol: z.string().trim(), holdingPercent: z.number() })),
      sectorWeightings: z.array(z.record(z.string(), z.number())),
      bondPosition: z.number().nullable(),
      stockPosition: z.number().nullable(),
    })
    .partial()
    .optional(),
});
const chartSchema = z.object({
  meta: z.object({ regularMarketPrice: positive, regularMarketTime: time }),
  quotes: z.array(z.object({ date: time, close: z.number().nullable(), adjclose: z.number().nullable().optional() })),
});
const searchSchema = z.object({
  quotes: z.array(z.object({ symbol: z.string().trim().min(1).optional(), quoteType: z.string().optional() }).loose()),
});
const NO_VALIDATION = { validateResult: false } as const;

/** The usable daily closes of a chart; a chart with rows but no usable close is malformed. */
function barsOf(chart: z.infer<typeof chartSchema>, what: string): MarketBar[] {
  const bars = chart.quotes
    .filter((q) => q.close !== null && Number.isFinite(q.close) && (q.close ?? 0) > 0)
    .map((q) => ({ date: day(q.date), close: q.close as number, adjClose: q.adjclose ?? null }));
  if (chart.quotes.length > 0 && bars.length === 0) throw new MalformedResponseError(`${what} has no usable closes`);
  return bars;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new MalformedResponseError(`${what} was incomplete or malformed (${parsed.error.issues[0]?.path.join('.') || 'body'})`);
  return parsed.data;
}

/** A rejected response for one symbol: says what was wrong without exposing the payload. */
export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}

/** Builds the Yahoo client; `fetch` is injected so tests replay recordings and nothing else leaves the machine. */
export function createYahooClient(fetchImpl: typeof fetch, options: { concurrency?: number } = {}): MarketClient {
  const quiet = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };
  const yf = new YahooFinance({
    fetch: fetchImpl,
    logger: quiet,
    versionCheck: false,
    suppressNotices: ['yahooSurvey', 'ripHistorical'],
    validation: { logErrors: false, logOptionsErrors: false },
    queue: { concurrency: options.concurrency ?? 4 },
  });
  return {
    async quote(symbol) {
      const result: unknown = await yf.quote(symbol, {}, NO_VALIDATION);
      const row = Array.isArray(result) ? result[0] : result;
      if (!row) throw new MalformedResponseError(`Yahoo returned no quote for ${symbol}`);
      const q = check(quoteSchema, row, `the quote for ${symbol}`);
      return {
        price: q.regularMarketPrice,
        currency: q.currency,
        asOf: q.regularMarketTime === undefined ? day(Date.now()) : day(q.regularMarketTime),
      };
    },
    async summary(symbol) {
      const raw: unknown = await yf.quoteSummary(
        symbol,
        { modules: ['assetProfile', 'fundProfile', 'price', 'quoteType', 'topHoldings'] },
        NO_VALIDATION,
      );
      const s = check(summarySchema, raw, `the profile of ${symbol}`);
      if (!s.price && !s.quoteType) throw new MalformedResponseError(`the profile of ${symbol} names neither its price nor its type`);
      const type = s.quoteType?.quoteType ? (QUOTE_TYPES[s.quoteType.quoteType] ?? 'other') : null;
      const fund = classifyFundProfile({
        quoteType: s.quoteType?.quoteType ?? null,
        category: s.fundProfile?.categoryName ?? null,
        sectorWeights: Object.assign({}, ...(s.topHoldings?.sectorWeightings ?? [])) as Record<string, number>,
        bondPosition: s.topHoldings?.bondPosition ?? null,
        stockPosition: s.topHoldings?.stockPosition ?? null,
      });
      const profile: MarketProfile = {
        name: s.price?.longName ?? s.price?.shortName ?? s.quoteType?.longName ?? null,
        type: fund?.type ?? type,
        sector: fund ? fund.sector : (s.assetProfile?.sector ?? null),
        industry: fund ? fund.industry : (s.assetProfile?.industry ?? null),
        fund,
        country: s.assetProfile?.country ?? null,
        currency: s.price?.currency?.toUpperCase() ?? null,
        exchange: s.price?.exchangeName ?? s.quoteType?.exchange ?? null,
      };
      const rows = s.topHoldings?.holdings ?? [];
      const holdings = rows.length
        ? { asOf: day(Date.now()), holdings: rows.map((h) => ({ symbol: String(h.symbol).toUpperCase(), weight: h.holdingPercent })) }
        : null;
      if (holdings) {
        const bad = holdings.holdings.find((h) => !h.symbol || !Number.isFinite(h.weight) || h.weight <= 0 || h.weight > 1);
        const total = holdings.holdings.reduce((sum, h) => sum + h.weight, 0);
        if (bad)
          throw new MalformedResponseError(
            `the top holdings of ${symbol} include an invalid weight (${bad.symbol || 'no symbol'}: ${bad.weight})`,
          );
        if (total > 1.0005)
          throw new MalformedResponseError(`the top holdings of ${symbol} sum to ${(total * 100).toFixed(2)}%, above 100%`);
      }
      return { profile, holdings };
    },
    async history(symbol, from) {
      const chart = check(
        chartSchema,
        await yf.chart(symbol, { period1: from, interval: '1d' }, NO_VALIDATION),
        `the price history of ${symbol}`,
      );
      return barsOf(chart, `the price history of ${symbol}`);
    },
    async listingOf(isin) {
      const found = check(searchSchema, await yf.search(isin, { quotesCount: 5, newsCount: 0 }, NO_VALIDATION), `the search for ${isin}`);
      // The first security (not an index, a currency or news) Yahoo lists for the ISIN.
      const hit = found.quotes.find((q) => q.symbol && q.quoteType && q.quoteType in QUOTE_TYPES && q.quoteType !== 'CURRENCY');
      if (!hit?.symbol) throw new MalformedResponseError(`Yahoo's search finds no listing for the ISIN ${isin}`);
      return hit.symbol.toUpperCase();
    },
    async fx(from, to, since) {
      const chart = check(
        chartSchema,
        await yf.chart(fxPairSymbol(from, to), { period1: since, interval: '1d' }, NO_VALIDATION),
        `the ${from}/${to} rate`,
      );
      const rate = chart.meta.regularMarketPrice;
      if (!Number.isFinite(rate) || rate <= 0) throw new MalformedResponseError(`the ${from}/${to} rate is missing or not positive`);
      return { rate, asOf: day(chart.meta.regularMarketTime), bars: barsOf(chart, `the ${from}/${to} history`) };
    },
  };
}

/** True when an error means the network is unreachable rather than that one symbol failed. */
export function isOfflineError(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ECONNRESET|ETIMEDOUT|network|offline/i.test(text);
}
