/** Domain records shared by main, renderer, browser shell and CLI. */
import type { ImportFinding } from './import-findings';

export const ASSET_CLASSES = ['equity', 'fund', 'bond', 'cash', 'crypto', 'other'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  shell: 'desktop' | 'browser' | 'cli' | 'test';
  platform: string;
}

export interface Client {
  id: number;
  name: string;
  notes: string;
  baseCurrency: string;
  /** The people of the household, e.g. ["Ana Ruiz", "Ben Ruiz"]. */
  people: string[];
  /** Free labels such as a risk profile or segment ("balanced", "hnw"), lower-case. */
  tags: string[];
  /** The bundled first-run sample, which the user may delete. */
  isSample: boolean;
  createdAt: string;
  portfolioCount: number;
}

/** A client with its total value across portfolios in the client's base currency, for the client list. */
export interface ClientSummary extends Client {
  totalValue: number;
  positionCount: number;
  /** Currencies held without an FX rate to the client's base currency (left out of totalValue). */
  missingFx: string[];
}

export interface Portfolio {
  id: number;
  clientId: number;
  clientName: string;
  name: string;
  baseCurrency: string;
  createdAt: string;
  accountCount: number;
  positionCount: number;
}

/** A portfolio with its value in its base currency, for lists. */
export interface PortfolioSummary extends Portfolio {
  totalValue: number;
  /** Currencies held without an FX rate to the base currency (left out of totalValue). */
  missingFx: string[];
}

export interface Account {
  id: number;
  portfolioId: number;
  name: string;
  broker: string;
  createdAt: string;
  positionCount: number;
}

export interface Position {
  id: number;
  accountId: number;
  accountName: string;
  symbol: string;
  name: string;
  assetClass: AssetClass;
  quantity: number;
  /** Price in the position's own currency; null when only a market value is known. */
  price: number | null;
  /** Market value in the position's own currency as imported; null when derived from price. */
  marketValue: number | null;
  costBasis: number | null;
  currency: string;
  asOf: string | null;
  /** A short on purpose (the user chose "keep as short", or the file marked the sale short), not a partial history. */
  isShortIntended: boolean;
  /**
   * Set for a listed option only: shares per contract. The symbol is then the OCC symbol (underlying, expiry, strike and
   * right: `parseOccSymbol` in shared/domain/options.ts), quantity is contracts (negative when written) and price is per
   * contract (the per-share premium × multiplier), so quantity × price is the value as for any holding.
   */
  multiplier?: number;
  /** Set for a listed option only, when the user gave one: annualised volatility for revaluing it (0.48 = 48%). */
  volatility?: number;
}

/** A position with its value in the portfolio's base currency and its share of the portfolio. */
export interface ValuedPosition extends Position {
  /** Value in the position's own currency. */
  localValue: number;
  /** Value in the base currency; null when no FX rate is known for the position's currency. */
  baseValue: number | null;
  /** Share of the portfolio's valued total, 0–1; null when baseValue is null. */
  weight: number | null;
}

export interface PortfolioHoldings {
  portfolio: Portfolio;
  accounts: Account[];
  positions: ValuedPosition[];
  totalBaseValue: number;
  /** Currencies that have positions but no FX rate to the base currency. */
  missingFx: string[];
  /** What the portfolio's imports still in effect decided on the user's behalf (for the data-health check). */
  importFindings: ImportFinding[];
}

export interface FxRate {
  /** Currency converted from. */
  currency: string;
  /** Currency converted to. */
  quote: string;
  /** Units of `quote` for one unit of `currency`. */
  rate: number;
  asOf: string;
  source: string;
}

/** A recorded import of a broker file into a portfolio. */
export interface ImportSummary {
  id: number;
  portfolioId: number | null;
  fileName: string;
  sha256: string;
  format: string;
  kind: 'positions' | 'transactions' | 'manual' | 'sample';
  rowCount: number;
  importedCount: number;
  invalidCount: number;
  createdAt: string;
  undoneAt: string | null;
}

/** A sandbox copy of a portfolio's positions that can be edited and compared before it replaces the real ones. */
export interface ProposalSummary {
  id: number;
  portfolioId: number;
  portfolioName: string;
  clientName: string;
  name: string;
  createdAt: string;
  positionCount: number;
}

/** A proposal with its positions (accountId is 0: proposal positions name their account instead). */
export interface Proposal extends ProposalSummary {
  baseCurrency: string;
  positions: Position[];
}
