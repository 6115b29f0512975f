import type { Migration } from './types';

/**
 * The bundled ISIN table (resources/reference/isins.json): the listings each ISIN trades as, with exchange and trading
 * currency, so an import that names a holding only by its ISIN finds its ticker.
 */
export const isinListings: Migration = {
  version: 14,
  name: 'isin listings',
  up(db) {
    db.exec(`
      CREATE TABLE isin_listings (
        isin TEXT NOT NULL CHECK (length(isin) = 12),
        symbol TEXT NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
        exchange TEXT NOT NULL,
        currency TEXT NOT NULL,
        origin TEXT NOT NULL,
        PRIMARY KEY (isin, symbol)
      ) WITHOUT ROWID, STRICT;
    `);
  },
};
