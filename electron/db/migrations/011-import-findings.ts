import type { Migration } from './types';

/**
 * What an import decided on the user's behalf, kept with the import until it is undone (a history that starts
 * mid-way, a broker market value kept, a par-quoted bond, cash not derived), and a mark on positions that are
 * shorts on purpose (the user chose "keep as short", or the file marks the sale short).
 */
export const importFindings: Migration = {
  version: 11,
  name: 'import findings and intended shorts',
  up(db) {
    db.exec(`
      CREATE TABLE import_findings (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
        account TEXT NOT NULL,
        symbol TEXT NOT NULL,
        sentence TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_findings_import ON import_findings (import_id);
      ALTER TABLE positions ADD COLUMN is_short_intended INTEGER NOT NULL DEFAULT 0 CHECK (is_short_intended = 0 OR is_short_intended = 1);
      ALTER TABLE import_replaced ADD COLUMN is_short_intended INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
