import type { Database } from 'better-sqlite3';

/** One listing of an ISIN in the bundled ISIN table. */
export interface IsinListing {
  isin: string;
  symbol: string;
  exchange: string;
  currency: string;
  /** "master" (a bundled security's ISIN), "curated" or "finance-database" (European listings of UCITS ETFs). */
  origin: string;
}

/** Replaces the bundled ISIN table (inside the caller's transaction). */
export function replaceIsinListings(db: Database, listings: readonly IsinListing[]): void {
  db.prepare('DELETE FROM isin_listings').run();
  const insert = db.prepare(
    'INSERT OR IGNORE INTO isin_listings (isin, symbol, exchange, currency, origin) VALUES (:isin, :symbol, :exchange, :currency, :origin)',
  );
  for (const listing of listings) insert.run(listing);
}

/** The listings of one ISIN, in the table's order. */
export function listIsinListings(db: Database, isin: string): IsinListing[] {
  return db
    .prepare('SELECT isin, symbol, exchange, currency, origin FROM isin_listings WHERE isin = :isin ORDER BY symbol')
    .all({ isin }) as IsinListing[];
}
