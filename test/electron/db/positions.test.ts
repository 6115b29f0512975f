import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../electron/db/accounts';
import { createClient } from '../../../electron/db/clients';
import { insertImport } from '../../../electron/db/imports';
import { createPortfolio } from '../../../electron/db/portfolios';
import { insertImportedPositions, insertPosition, listPortfolioPositions, sumPositionsBy } from '../../../electron/db/positions';
import { closeServices, type Services } from '../../../electron/services/services';
import { localValue } from '../../../shared/domain/valuation';
import type { ImportPosition } from '../../../shared/import/types';
import { memoryServices } from '../../helpers/services';

let services: Services;
afterEach(() => closeServices(services));

/** A portfolio with accounts A and B and an import record to write positions under. */
function setUp() {
  services = memoryServices();
  const client = createClient(services.db, { name: 'Bulk' });
  const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Book', baseCurrency: 'USD' });
  const accountIds = new Map(['A', 'B'].map((name) => [name, createAccount(services.db, { portfolioId: portfolio.id, name }).id]));
  const importId = insertImport(services.db, {
    portfolioId: portfolio.id,
    fileName: 'bulk.csv',
    sha256: '0'.repeat(64),
    format: 'generic',
    kind: 'positions',
    rowCount: 0,
    importedCount: 0,
    invalidCount: 0,
  });
  return { portfolioId: portfolio.id, accountIds, importId };
}

function positions(count: number): ImportPosition[] {
  return Array.from({ length: count }, (_, i) => ({
    account: i % 2 ? 'B' : 'A',
    symbol: `S${String(i).padStart(4, '0')}`,
    name: `Security ${i}`,
    assetClass: i % 7 ? 'equity' : 'fund',
    quantity: i + 0.5,
    price: i % 3 ? i : null,
    marketValue: i % 3 ? null : i * 2,
    costBasis: i % 2 ? null : i,
    currency: 'USD',
    asOf: i % 5 ? null : '2024-10-14',
  }));
}

describe('insertImportedPositions', () => {
  it.each([0, 1, 499, 500, 501, 1250])('writes %i positions with every field, across whole and partial batches', (count) => {
    const { portfolioId, accountIds, importId } = setUp();
    const written = services.db.transaction(() => insertImportedPositions(services.db, importId, positions(count), accountIds))();
    const stored = listPortfolioPositions(services.db, portfolioId);
    expect(written).toBe(count);
    expect(
      stored.map(({ accountName, symbol, name, assetClass, quantity, price, marketValue, costBasis, currency, asOf }) => ({
        account: accountName,
        symbol,
        name,
        assetClass,
        quantity,
        price,
        marketValue,
        costBasis,
        currency,
        asOf,
      })),
    ).toEqual(positions(count).sort((x, y) => x.account.localeCompare(y.account) || x.symbol.localeCompare(y.symbol)));
    const importIds = services.db.prepare('SELECT DISTINCT import_id FROM positions').pluck().all();
    expect(importIds).toEqual(count ? [importId] : []);
  });

  it.each([
    ['every shareable column the same in all rows', [] as string[]],
    ['the currency, short flag and multiplier varying', ['currency', 'short', 'multiplier']],
    ['only the account varying', ['account']],
  ])('stores each row’s own values with %s', (_, varying) => {
    const { portfolioId, accountIds, importId } = setUp();
    const varies = (column: string, i: number) => varying.includes(column) && i % 2 === 1;
    const rows: ImportPosition[] = Array.from({ length: 1003 }, (_, i) => ({
      account: varies('account', i) ? 'B' : 'A',
      symbol: `S${String(i).padStart(4, '0')}`,
      name: `Security ${i}`,
      assetClass: 'equity',
      quantity: varies('short', i) ? -(i + 1) : i + 1,
      price: 10,
      marketValue: null,
      costBasis: null,
      currency: varies('currency', i) ? 'EUR' : 'USD',
      asOf: '2026-12-01',
      ...(varies('short', i) && { isShortIntended: true }),
      ...(varies('multiplier', i) && { multiplier: 10 }),
    }));
    services.db.transaction(() => insertImportedPositions(services.db, importId, rows, accountIds))();
    const stored = services.db
      .prepare(
        `SELECT a.name AS account, symbol, quantity, currency, as_of AS asOf, is_short_intended AS short, multiplier
         FROM positions p JOIN accounts a ON a.id = p.account_id WHERE a.portfolio_id = ? ORDER BY symbol`,
      )
      .all(portfolioId);
    expect(stored).toEqual(
      rows.map((r) => ({
        account: r.account,
        symbol: r.symbol,
        quantity: r.quantity,
        currency: r.currency,
        asOf: r.asOf,
        short: r.isShortIntended ? 1 : 0,
        multiplier: r.multiplier ?? null,
      })),
    );
  });

  it('writes nothing when one row breaks a constraint inside the transaction', () => {
    const { portfolioId, accountIds, importId } = setUp();
    const rows = positions(700);
    rows[600] = { ...rows[600], price: -1 };
    expect(() => services.db.transaction(() => insertImportedPositions(services.db, importId, rows, accountIds))()).toThrow(
      /CHECK constraint failed/,
    );
    expect(listPortfolioPositions(services.db, portfolioId)).toEqual([]);
  });

  it('refuses a position whose account was not resolved', () => {
    const { accountIds, importId } = setUp();
    const rows = [{ ...positions(1)[0], account: 'Unknown' }];
    expect(() => services.db.transaction(() => insertImportedPositions(services.db, importId, rows, accountIds))()).toThrow(
      /NOT NULL constraint failed/,
    );
  });
});

describe('sumPositionsBy', () => {
  it("sums each client's positions per currency across its portfolios, as localValue values them one by one", () => {
    services = memoryServices();
    const db = services.db;
    const held = [
      { quantity: 10, price: 200, marketValue: null, currency: 'USD' },
      { quantity: 3, price: 0.1, marketValue: 999, currency: 'USD' }, // a price wins over an imported value
      { quantity: 5, price: null, marketValue: 1234.5, currency: 'USD' },
      { quantity: 7, price: null, marketValue: 70.25, currency: 'EUR' },
      { quantity: -2, price: 31.68, marketValue: null, currency: 'EUR' },
    ];
    const client = createClient(db, { name: 'Ruiz' });
    const empty = createClient(db, { name: 'Nobody yet' });
    for (const [i, name] of ['Taxable', 'IRA'].entries()) {
      const portfolio = createPortfolio(db, { clientId: client.id, name, baseCurrency: 'USD' });
      const account = createAccount(db, { portfolioId: portfolio.id, name: 'Main' });
      for (const p of held.filter((_, j) => j % 2 === i)) insertPosition(db, { accountId: account.id, symbol: 'X', ...p });
    }
    const expected = (currency: string) => {
      const mine = held.filter((p) => p.currency === currency);
      return { currency, positions: mine.length, localValue: mine.reduce((sum, p) => sum + localValue(p), 0) };
    };
    const sums = sumPositionsBy(db, 'client');
    expect([...sums.keys()]).toEqual([client.id]);
    expect(sums.get(empty.id)).toBeUndefined();
    const byCurrency = [...sums.get(client.id)!].sort((a, b) => a.currency.localeCompare(b.currency));
    expect(byCurrency).toEqual([expected('EUR'), expected('USD')]);
    // Per portfolio: the same rows split by the portfolio they sit in.
    const byPortfolio = sumPositionsBy(db, 'portfolio');
    expect(byPortfolio.size).toBe(2);
    const all = [...byPortfolio.values()].flat();
    expect(all.reduce((n, s) => n + s.positions, 0)).toBe(held.length);
    for (const currency of ['EUR', 'USD']) {
      const split = all.filter((s) => s.currency === currency);
      expect(split.reduce((n, s) => n + s.localValue, 0)).toBeCloseTo(expected(currency).localValue, 9);
    }
  });
});
