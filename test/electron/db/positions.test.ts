import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../electron/db/accounts';
import { createClient } from '../../../electron/db/clients';
import { createPortfolio } from '../../../electron/db/portfolios';
import { insertPositionsBulk, listAccountPositions, type PositionInput } from '../../../electron/db/positions';
import { closeServices, type Services } from '../../../electron/services/services';
import { memoryServices } from '../../helpers/services';

let services: Services;
afterEach(() => closeServices(services));

function account(): number {
  services = memoryServices();
  const client = createClient(services.db, { name: 'Bulk' });
  const portfolio = createPortfolio(services.db, { clientId: client.id, name: 'Book', baseCurrency: 'USD' });
  return createAccount(services.db, { portfolioId: portfolio.id, name: 'Main' }).id;
}

function inputs(accountId: number, count: number): PositionInput[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId, symbol: `S${String(i).padStart(4, '0')}`, name: `Security ${i}`, quantity: i + 0.5, price: i % 3 ? i : null,
    marketValue: i % 3 ? null : i * 2, costBasis: i % 2 ? null : i, currency: 'USD', asOf: i % 5 ? null : '2024-10-14',
  }));
}

describe('insertPositionsBulk', () => {
  it.each([0, 1, 99, 100, 101, 250])('writes %i positions with every field, across whole and partial batches', (count) => {
    const accountId = account();
    const written = services.db.transaction(() => insertPositionsBulk(services.db, inputs(accountId, count)))();
    const stored = listAccountPositions(services.db, accountId);
    expect(written).toBe(count);
    expect(stored.map(({ symbol, name, assetClass, quantity, price, marketValue, costBasis, currency, asOf }) => ({
      accountId, symbol, name, quantity, price, marketValue, costBasis, currency, asOf, assetClass,
    }))).toEqual(inputs(accountId, count).map((p) => ({ ...p, assetClass: 'equity' })));
  });

  it('writes nothing when one row breaks a constraint inside the transaction', () => {
    const accountId = account();
    const rows = inputs(accountId, 150);
    rows[120] = { ...rows[120], price: -1 };
    expect(() => services.db.transaction(() => insertPositionsBulk(services.db, rows))()).toThrow(/CHECK constraint failed/);
    expect(listAccountPositions(services.db, accountId)).toEqual([]);
  });
});
