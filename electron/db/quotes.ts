import type { Database } from 'better-sqlite3';

/** The latest downloaded quote of a symbol. */
export interface Quote {
  symbol: string;
  price: number;
  currency: string;
  asOf: string;
  source: string;
}

/** Stores a quote, replacing the previous one. */
export function upsertQuote(db: Database, quote: Quote): void {
  db.prepare(
    `INSERT INTO quotes (symbol, price, currency, as_of, source) VALUES (:symbol, :price, :currency, :asOf, :source)
     ON CONFLICT (symbol) DO UPDATE SET price = excluded.price, currency = excluded.currency,
       as_of = excluded.as_of, source = excluded.source`,
  ).run(quote);
}

/** Stored quotes of the given symbols. */
export function listQuotes(db: Database, symbols: readonly string[]): Quote[] {
  return db
    .prepare(
      `SELECT symbol, price, currency, as_of AS asOf, source FROM quotes
       WHERE symbol IN (SELECT value FROM json_each(:symbols)) ORDER BY symbol`,
    )
    .all({ symbols: JSON.stringify(symbols) }) as Quote[];
}
