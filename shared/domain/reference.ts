import type { IndexFund } from './index-funds';
import type { LeveragedEtf } from './leveraged-etfs';
import type { AssetClass, FxRate } from './types';

/** What kind of instrument a symbol is. */
export const SECURITY_TYPES = ['stock', 'etf', 'mutual-fund', 'bond-fund', 'money-market', 'cash', 'crypto', 'other'] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/** The asset class a security of each type is held as (a money-market fund is cash). */
export const ASSET_CLASS_OF_TYPE: Record<SecurityType, AssetClass> = {
  stock: 'equity',
  etf: 'fund',
  'mutual-fund': 'fund',
  'bond-fund': 'bond',
  'money-market': 'cash',
  cash: 'cash',
  crypto: 'crypto',
  other: 'other',
};

/** Where a classification field came from; user overrides win and survive refreshes. */
export type DataSource = 'bundled' | 'market-data' | 'user';

/** The fields of a classification that carry a source and can be overridden. */
export const CLASSIFICATION_FIELDS = ['name', 'type', 'sector', 'industry', 'country', 'currency', 'exchange', 'isin'] as const;
export type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];

/**
 * The descriptive fields of a symbol, null where unknown. `sector` is the GICS sector ("Information Technology");
 * `industry` is the finest GICS level known, the sub-industry where available ("Semiconductors",
 * "Semiconductor Materials & Equipment").
 */
export interface SecurityFacts {
  sector: string | null;
  industry: string | null;
  country: string | null;
  currency: string | null;
  exchange: string | null;
  isin: string | null;
}

/** What the app knows about one symbol, merged from bundled data, market data and the user's overrides. */
export interface Classification extends SecurityFacts {
  symbol: string;
  name: string;
  type: SecurityType;
  /** Theme ids such as "ai-energy", "semiconductors". */
  themes: string[];
  /** Effective duration in years, for bond funds whose duration is known (your entry, or market data). */
  duration?: { years: number; source: DataSource } | null;
  sources: Partial<Record<ClassificationField | 'themes', DataSource>>;
  asOf: string | null;
}

/** A fund's known constituents; weights are fractions of the fund (0–1) and may sum to less than 1. */
export interface FundHoldings {
  fund: string;
  asOf: string;
  source: string;
  holdings: { symbol: string; weight: number }[];
  /** Which data set the holdings come from: bundled issuer files, or a market-data refresh (top holdings only). */
  origin?: 'bundled' | 'market-data';
  /** Σ weights; the rest (1 − totalWeight) is the fund's residual slice. */
  totalWeight?: number;
}

/** A named group of securities that a headline moves together. */
export interface Theme {
  id: string;
  name: string;
  /** The stated membership criteria. */
  criteria: string;
  source: 'bundled' | 'user';
}

/** Everything the engine needs to know about the securities of a portfolio. */
export interface ReferenceData {
  /** Known symbols: those asked for plus the constituents of their funds. */
  securities: Record<string, Classification>;
  funds: Record<string, FundHoldings>;
  fxRates: FxRate[];
  /** Every theme, for labels. */
  themes?: Theme[];
  /** Symbols asked for that have no sector from any source, sorted. */
  unclassified?: string[];
}

/** One source's facts about a symbol; null fields say nothing and let lower layers show through. */
export interface ClassificationLayer extends SecurityFacts {
  symbol: string;
  source: DataSource;
  name: string | null;
  type: SecurityType | null;
  /** True when this layer's theme tags replace the lower layers' (user re-tagging). */
  themesOverride: boolean;
  asOf: string | null;
}

/** What the bundled ETF master says about one fund, with where it comes from. */
export interface EtfFacts {
  issuer: string;
  /** The index it follows, or "Actively managed". */
  index: string;
  region: string;
  /** The issuer's fund page or fund list. */
  source: string;
  asOf: string;
}

/** A symbol's merged classification with the layers under it, for display and the CLI. */
export interface SecurityDetail {
  symbol: string;
  /** False when no source knows the symbol at all. */
  isKnown: boolean;
  classification: Classification;
  layers: ClassificationLayer[];
  /** Known fund constituents (largest first) when the symbol is a fund. */
  fund: FundHoldings | null;
  /** Set when the symbol is a leveraged or inverse fund of the bundled list: what it multiplies, and by how much. */
  leverage?: LeveragedEtf | null;
  /** Set when the symbol is an index fund of the bundled list (mutual fund or UCITS listing): its index, and the ETF that stands in for it. */
  indexFund?: IndexFund | null;
  /** Set when the symbol is a fund of the bundled ETF master: its issuer, the index it follows, region and source. */
  etf?: EtfFacts | null;
  /** Latest downloaded quote, if any. */
  quote: { price: number; currency: string; asOf: string } | null;
  /** Bundled or downloaded daily closes held for it. */
  history: { first: string; last: string; count: number } | null;
}

/** Classifications of a portfolio's holdings, for the holdings table. */
export interface PortfolioReference {
  securities: Record<string, Classification>;
  unclassified: string[];
  themes: Theme[];
}
