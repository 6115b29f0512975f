import type { Database } from 'better-sqlite3';

/** Every row of the tables an import may touch, to prove a refusal changed nothing. */
export function snapshotImportTables(db: Database) {
  return ['accounts', 'positions', 'imports', 'import_accounts', 'import_replaced', 'import_findings', 'mapping_profiles'].map((t) =>
    db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );
}
