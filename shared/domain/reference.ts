import type { FxRate } from './types';

/** What kind of instrument a symbol is. */
export const SECURITY_TYPES = ['stock', 'etf', 'mutual-fund', 'bond-fund', 'money-market', 'cash', 'crypto', 'other'] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/** Where a classification field came from; user overrides win and survive refreshes. */
export type DataSource = 'bundled' | 'market-data' | 'user';

/** The fields of a classification that carry a source and can be overridden. */
export const CLASSIFICATION_FIELDS = ['name', 'type', 'sector', 'industry', 'country', 'currency', 'exchange', 'isin'] as const;
export type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];

/**
 * What the app knows about one symbol, merged from bundled data, market data and the user's overrides.
 * `sector` is the GICS sector ("Information Technology"); `industry` is the finest GICS level known,
 * the sub-industry where available ("Semiconductors", "Semiconductor Materials & Equipment").
 */
export interface Classification {
  symbol: string;
  name: string;
  type: SecurityType;
  sector: string | null;
  industry: string | null;
  country: string | null;
  currency: string | null;
  exchange: string | null;
  isin: string | null;
  /** Theme ids such as "ai-energy", "semiconductors". */
  themes: string[];
  sources: Partial<Record<ClassificationField | 'themes', DataSource>>;
  asOf: string | null;
}

/** A fund's known constituents; weights are fractions of the fund (0–1) and may sum to less than 1. */
export interface FundHoldings {
  fund: string;
  asOf: string;
  source: string;
  holdings: { symbol: string; weight: number }[];
}

/** Everything the engine needs to know about the securities of a portfolio. */
export interface ReferenceData {
  securities: Record<string, Classification>;
  funds: Record<string, FundHoldings>;
  fxRates: FxRate[];
}
