import type { Migration } from './types';

/** Undo data for imports (replaced positions, accounts each import created), undone marks and mapping profiles. */
export const importsUndo: Migration = {
  version: 3,
  name: 'import undo and mapping profiles',
  up(db) {
    db.exec(`
      ALTER TABLE imports ADD COLUMN undone_at TEXT;
      ALTER TABLE imports ADD COLUMN invalid_count INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE import_accounts (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL,
        is_created INTEGER NOT NULL CHECK (is_created IN (0, 1)),
        PRIMARY KEY (import_id, account_id)
      ) STRICT;

      CREATE TABLE import_replaced (
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL,
        symbol TEXT NOT NULL,
        name TEXT NOT NULL,
        asset_class TEXT NOT NULL,
        quantity REAL NOT NULL,
        price REAL,
        market_value REAL,
        cost_basis REAL,
        currency TEXT NOT NULL,
        as_of TEXT,
        source_import_id INTEGER
      ) STRICT;
      CREATE INDEX import_replaced_import ON import_replaced (import_id);
      CREATE INDEX positions_import ON positions (import_id);

      CREATE TABLE mapping_profiles (
        layout_key TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
