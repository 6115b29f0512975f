import type { Migration } from './types';

/** Clients → portfolios → accounts → positions, imports, securities, FX rates, settings. */
export const initial: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        base_currency TEXT NOT NULL DEFAULT 'USD',
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE UNIQUE INDEX clients_name ON clients (name COLLATE NOCASE);

      CREATE TABLE portfolios (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        base_currency TEXT NOT NULL DEFAULT 'USD',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE UNIQUE INDEX portfolios_client_name ON portfolios (client_id, name COLLATE NOCASE);

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        portfolio_id INTEGER NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        broker TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE UNIQUE INDEX accounts_portfolio_name ON accounts (portfolio_id, name COLLATE NOCASE);

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        portfolio_id INTEGER REFERENCES portfolios (id) ON DELETE SET NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        format TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('positions', 'transactions', 'manual', 'sample')),
        row_count INTEGER NOT NULL,
        imported_count INTEGER NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE INDEX imports_sha256 ON imports (sha256);

      CREATE TABLE positions (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        symbol TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        asset_class TEXT NOT NULL DEFAULT 'equity'
          CHECK (asset_class IN ('equity', 'fund', 'bond', 'cash', 'crypto', 'other')),
        quantity REAL NOT NULL,
        price REAL CHECK (price IS NULL OR price >= 0),
        market_value REAL,
        cost_basis REAL,
        currency TEXT NOT NULL,
        as_of TEXT,
        import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (price IS NOT NULL OR market_value IS NOT NULL)
      ) STRICT;
      CREATE INDEX positions_account ON positions (account_id);
      CREATE INDEX positions_symbol ON positions (symbol);

      CREATE TABLE securities (
        symbol TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        type TEXT,
        sector TEXT,
        industry TEXT,
        sub_industry TEXT,
        country TEXT,
        currency TEXT,
        exchange TEXT,
        isin TEXT,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'market-data', 'user')),
        as_of TEXT
      ) STRICT;
      CREATE INDEX securities_isin ON securities (isin);

      CREATE TABLE fx_rates (
        currency TEXT NOT NULL,
        quote TEXT NOT NULL,
        rate REAL NOT NULL CHECK (rate > 0),
        as_of TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (currency, quote)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
