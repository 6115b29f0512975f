/** Market-data refresh: what a job reports while and after it runs. */

export const MARKET_PARTS = ['quote', 'profile', 'holdings', 'history', 'fx'] as const;
export type MarketPart = (typeof MARKET_PARTS)[number];

/** One symbol (or currency pair) that could not be refreshed, and why, in a sentence. */
export interface MarketError {
  symbol: string;
  part: MarketPart;
  message: string;
}

export type MarketJobState = 'idle' | 'running' | 'done' | 'cancelled' | 'offline' | 'failed';

/** The state of the latest market-data refresh. */
export interface MarketJobStatus {
  id: number;
  state: MarketJobState;
  /** Symbols (and FX pairs) finished so far, and in all. */
  done: number;
  total: number;
  /** Symbols fully or partly updated. */
  updated: string[];
  errors: MarketError[];
  startedAt: string | null;
  finishedAt: string | null;
  /** A calm sentence for the UI and CLI. */
  message: string;
}
