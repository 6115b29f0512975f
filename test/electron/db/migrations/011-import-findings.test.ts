import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeServices } from '../../../../electron/services/services';
import { call, testServices } from '../../../helpers/services';
import { tempDir } from '../../../helpers/temp';
import { databaseAtVersion, household, IMPORT_INTO_ACCOUNT_1 } from '../../../helpers/old-database';

const dir = tempDir('m011');

describe('migration 011 (import findings and intended shorts)', () => {
  it('keeps every position and undo data, marks none as an intended short, and stores findings tied to their import', () => {
    const file = path.join(dir, 'v10.sqlite');
    const v10 = databaseAtVersion(
      file,
      10,
      household('Main', 'IRA'),
      IMPORT_INTO_ACCOUNT_1,
      `
      INSERT INTO positions (id, account_id, symbol, quantity, price, currency, import_id) VALUES (5, 1, 'TSLA', -2, 200, 'USD', 1);
      INSERT INTO import_replaced (import_id, account_id, symbol, name, asset_class, quantity, price, market_value, cost_basis, currency, as_of, source_import_id, position_id)
        VALUES (1, 1, 'IBM', '', 'equity', 3, 200, NULL, 500, 'USD', NULL, NULL, 4);`,
    );
    const positionsBefore = v10.prepare('SELECT * FROM positions').all();
    v10.close();

    const services = testServices(file);
    const db = services.db;
    expect(db.prepare('SELECT * FROM positions').all()).toEqual(
      positionsBefore.map((p) => ({ ...(p as object), is_short_intended: 0, multiplier: null, volatility: null })),
    );
    expect(call(services, 'positions:list', { accountId: 1 })).toEqual([
      expect.objectContaining({ symbol: 'TSLA', quantity: -2, isShortIntended: false }),
    ]);
    expect(() => db.prepare('UPDATE positions SET is_short_intended = 2').run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare("INSERT INTO import_findings (import_id, kind, account, symbol, sentence) VALUES (1, 'short-kept', 'IRA', 'TSLA', x'00')")
        .run(),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    expect(() =>
      db
        .prepare("INSERT INTO import_findings (import_id, kind, account, symbol, sentence) VALUES (9, 'short-kept', 'IRA', 'TSLA', 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);

    db.prepare(
      "INSERT INTO import_findings (import_id, kind, account, symbol, sentence) VALUES (1, 'short-kept', 'IRA', 'TSLA', 'TSLA: kept as a short.')",
    ).run();
    expect(call(services, 'portfolios:holdings', { id: 1 }).importFindings).toEqual([
      { importId: 1, fileName: 'new.csv', kind: 'short-kept', account: 'IRA', symbol: 'TSLA', sentence: 'TSLA: kept as a short.' },
    ]);
    // Undo data written before 011 still restores (is_short_intended defaults to 0), and the import's findings go.
    expect(call(services, 'imports:undo', { id: 1 })).toEqual({ removed: 1, restored: 1 });
    expect(call(services, 'positions:list', { accountId: 1 })).toEqual([
      expect.objectContaining({ id: 4, symbol: 'IBM', isShortIntended: false }),
    ]);
    expect(call(services, 'portfolios:holdings', { id: 1 }).importFindings).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM import_findings').pluck().get()).toBe(0);
    closeServices(services);
  });

  it('keeps an intended short through replace and undo', () => {
    const services = testServices(path.join(dir, 'fresh.sqlite'));
    const portfolioId = call(services, 'portfolios:create', { name: 'Shorts' }).id;
    const text = 'Date,Action,Symbol,Description,Quantity,Price,Amount\n01/03/2024,Sell Short,TSLA,TESLA INC,5,200,1000\n';
    call(services, 'imports:commit', { portfolioId, fileName: 'short.csv', text, format: 'schwab-transactions', account: 'Margin' });
    const second = call(services, 'imports:commit', {
      portfolioId,
      fileName: 'later.csv',
      text: 'Symbol,Quantity,Price\nAAPL,1,100\n',
      account: 'Margin',
    });
    call(services, 'imports:undo', { id: second.import!.id });
    const positions = call(services, 'portfolios:holdings', { id: portfolioId }).positions;
    expect(
      positions.map(
        (p: { symbol: string; quantity: number; isShortIntended: boolean }) => `${p.symbol} ${p.quantity} ${p.isShortIntended}`,
      ),
    ).toEqual(['TSLA -5 true']);
    closeServices(services);
  });
});
