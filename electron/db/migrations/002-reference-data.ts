import type { Migration } from './types';

/**
 * Reference data in layers: one `securities` row per symbol and source (bundled, market-data, user),
 * merged per field at read time so user overrides survive data refreshes; themes and theme tags;
 * fund holdings; daily prices; and a log of market-data fetches.
 */
export const referenceData: Migration = {
  version: 2,
  name: 'reference data',
  up(db) {
    db.exec(`
      DROP TABLE securities;
      CREATE TABLE securities (
        symbol TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'market-data', 'user')),
        name TEXT,
        type TEXT CHECK (type IS NULL OR type IN ('stock', 'etf', 'mutual-fund', 'bond-fund', 'money-market', 'cash', 'crypto', 'other')),
        sector TEXT,
        industry TEXT,
        country TEXT,
        currency TEXT,
        exchange TEXT,
        isin TEXT,
        -- 1 when this layer's theme list replaces the lower layers' (only user rows set it).
        themes_override INTEGER NOT NULL DEFAULT 0 CHECK (themes_override IN (0, 1)),
        as_of TEXT,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (symbol, source)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX securities_isin ON securities (isin) WHERE isin IS NOT NULL;

      CREATE TABLE themes (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        criteria TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('bundled', 'user'))
      ) STRICT;

      CREATE TABLE security_themes (
        symbol TEXT NOT NULL,
        theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'market-data', 'user')),
        PRIMARY KEY (symbol, theme_id, source)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX security_themes_theme ON security_themes (theme_id);

      CREATE TABLE fund_holdings (
        fund TEXT NOT NULL,
        symbol TEXT NOT NULL,
        weight REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
        origin TEXT NOT NULL CHECK (origin IN ('bundled', 'market-data')),
        as_of TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (fund, origin, symbol)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE prices (
        symbol TEXT NOT NULL,
        date TEXT NOT NULL,
        close REAL NOT NULL CHECK (close > 0),
        adj_close REAL CHECK (adj_close IS NULL OR adj_close > 0),
        source TEXT NOT NULL,
        PRIMARY KEY (symbol, date)
      ) WITHOUT ROWID, STRICT;

      CREATE TABLE quotes (
        symbol TEXT PRIMARY KEY,
        price REAL NOT NULL CHECK (price >= 0),
        currency TEXT NOT NULL,
        as_of TEXT NOT NULL,
        source TEXT NOT NULL
      ) STRICT;
    `);
  },
};
