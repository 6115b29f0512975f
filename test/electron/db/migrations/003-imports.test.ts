import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initial } from '../../../../electron/db/migrations/001-initial';
import { importsUndo } from '../../../../electron/db/migrations/003-imports';
import { openDatabase } from '../../../../electron/db/open-database';
import { tempDirPerTest } from '../../../helpers/temp';
import { databaseAtVersion, household } from '../../../helpers/old-database';

const dir = tempDirPerTest('m003');

describe('migration 003 (import undo and mapping profiles)', () => {
  it('keeps every row of a schema-1 database and adds the undo tables with their defaults', () => {
    const file = path.join(dir(), 'v1.sqlite');
    const v1 = databaseAtVersion(
      file,
      1,
      household('Main', 'Roth'),
      `
      INSERT INTO imports (id, portfolio_id, file_name, sha256, format, kind, row_count, imported_count)
        VALUES (1, 1, 'a.csv', 'abc', 'generic', 'positions', 3, 2);
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency, import_id) VALUES (1, 1, 'NVDA', 10, 138.79, 'USD', 1);
    `,
    );
    const before = ['clients', 'portfolios', 'accounts', 'positions'].map((t) => v1.prepare(`SELECT * FROM ${t}`).all());
    v1.close();

    const { db, previousVersion, schemaVersion } = openDatabase({ path: file, migrations: [initial, importsUndo] });
    expect([previousVersion, schemaVersion]).toEqual([1, 3]);
    expect(['clients', 'portfolios', 'accounts', 'positions'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(db.prepare('SELECT undone_at, invalid_count FROM imports').get()).toEqual({ undone_at: null, invalid_count: 0 });
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('import_accounts', 'import_replaced', 'mapping_profiles') ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(['import_accounts', 'import_replaced', 'mapping_profiles']);
    db.close();
  });
});
