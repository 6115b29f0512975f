import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertFxRate } from '../../../electron/db/fx-rates';
import { dispatch } from '../../../electron/handlers/dispatch';
import { closeServices, type Services } from '../../../electron/services/services';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices();
});
afterEach(() => closeServices(services));

describe('clients, portfolios, accounts and positions', () => {
  it('creates, lists, renames and deletes down the hierarchy', () => {
    const client = call(services, 'clients:create', { name: 'Lee household', baseCurrency: 'EUR' });
    const portfolio = call(services, 'portfolios:create', { clientId: client.id, name: 'Retirement' });
    expect(portfolio).toMatchObject({ clientName: 'Lee household', baseCurrency: 'EUR', accountCount: 0 });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Depot', broker: 'DEGIRO' });
    const position = call(services, 'positions:create', { accountId: account.id, symbol: 'asml', quantity: 3, price: 700 });
    expect(position).toMatchObject({ symbol: 'ASML', currency: 'EUR', accountName: 'Depot', assetClass: 'equity' });

    expect(call(services, 'portfolios:list', {})).toEqual([
      expect.objectContaining({ name: 'Retirement', accountCount: 1, positionCount: 1, totalValue: 2100, missingFx: [] }),
    ]);
    call(services, 'portfolios:rename', { id: portfolio.id, name: 'Pension' });
    call(services, 'accounts:rename', { id: account.id, name: 'Main depot' });
    call(services, 'clients:rename', { id: client.id, name: 'The Lees' });
    const updated = call(services, 'positions:update', { id: position.id, patch: { quantity: 4, costBasis: 2000 } });
    expect(updated).toMatchObject({ quantity: 4, price: 700, costBasis: 2000, accountName: 'Main depot' });
    expect(call(services, 'portfolios:list', {})[0]).toMatchObject({ clientName: 'The Lees', name: 'Pension', totalValue: 2800 });

    call(services, 'positions:delete', { id: position.id });
    expect(call(services, 'positions:list', { accountId: account.id })).toEqual([]);
    call(services, 'accounts:delete', { id: account.id });
    call(services, 'portfolios:delete', { id: portfolio.id });
    call(services, 'clients:delete', { id: client.id });
    expect(call(services, 'clients:list')).toEqual([]);
  });

  it('gives each listed portfolio the total its holdings add up to, in its base currency, and the currencies without a rate', () => {
    upsertFxRate(services.db, { currency: 'EUR', quote: 'USD', rate: 1.0465, asOf: '2025-02-21', source: 'test' });
    const client = call(services, 'clients:create', { name: 'Mixed', baseCurrency: 'USD' });
    const totals: Record<string, number> = {};
    for (const name of ['Global', 'Empty', 'Swiss']) {
      const portfolio = call(services, 'portfolios:create', { clientId: client.id, name });
      if (name === 'Empty') continue;
      const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Main' });
      call(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 12.5, price: 118.42 });
      call(services, 'positions:create', { accountId: account.id, symbol: 'ASML', quantity: 3, price: 700.1, currency: 'EUR' });
      call(services, 'positions:create', {
        accountId: account.id,
        symbol: 'CASH',
        quantity: 1,
        price: null,
        marketValue: 5_000,
        currency: 'EUR',
        assetClass: 'cash',
      });
      if (name === 'Swiss')
        call(services, 'positions:create', { accountId: account.id, symbol: 'NESN', quantity: 4, price: 90, currency: 'XAU' });
      totals[name] = call(services, 'portfolios:holdings', { id: portfolio.id }).totalBaseValue;
    }
    const listed = call(services, 'portfolios:list', { clientId: client.id });
    expect(listed.map((p: { name: string }) => p.name)).toEqual(['Empty', 'Global', 'Swiss']);
    expect(listed[0]).toMatchObject({ positionCount: 0, totalValue: 0, missingFx: [] });
    // The same total the holdings view computes position by position.
    expect(listed[1].totalValue).toBeCloseTo(totals.Global, 6);
    expect(listed[1].totalValue).toBeCloseTo(12.5 * 118.42 + (3 * 700.1 + 5_000) * 1.0465, 6);
    expect(listed[1].missingFx).toEqual([]);
    expect(listed[2]).toMatchObject({ missingFx: ['XAU'] });
    expect(listed[2].totalValue).toBeCloseTo(totals.Swiss, 6);
    expect(listed[2].totalValue).toBeCloseTo(listed[1].totalValue, 6);
  });

  it('answers holdings with values in the base currency and weights', () => {
    const portfolio = call(services, 'portfolios:create', { name: 'Mine' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Brokerage' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 400, price: 138.79 });
    call(services, 'positions:create', { accountId: account.id, symbol: 'SPAXX', quantity: 18500, price: 1, assetClass: 'cash' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'VWCE.DE', quantity: 10, price: 100, currency: 'EUR' });
    const holdings = call(services, 'portfolios:holdings', { id: portfolio.id });
    expect(holdings.totalBaseValue).toBe(55516 + 18500);
    expect(holdings.missingFx).toEqual(['EUR']);
    const nvda = holdings.positions.find((p: { symbol: string }) => p.symbol === 'NVDA');
    expect(nvda!.weight).toBeCloseTo(55516 / 74016, 12);
  });

  it('puts a portfolio under "My portfolios" when no client is named, and reuses it', () => {
    const first = call(services, 'portfolios:create', { name: 'A' });
    const second = call(services, 'portfolios:create', { name: 'B' });
    expect(first.clientName).toBe('My portfolios');
    expect(second.clientId).toBe(first.clientId);
  });

  it.each([
    ['clients:create', { name: 'Dup' }, 'conflict', /A client named "dup" already exists\./],
    ['clients:rename', { id: 999, name: 'X' }, 'not-found', /Client 999 does not exist/],
    ['portfolios:holdings', { id: 999 }, 'not-found', /Portfolio 999 does not exist/],
    ['accounts:create', { portfolioId: 999, name: 'X' }, 'not-found', /Portfolio 999/],
    ['positions:create', { accountId: 999, symbol: 'X', quantity: 1, price: 1 }, 'not-found', /Account 999/],
  ])('%s %j answers %s', (name, request, code, message) => {
    call(services, 'clients:create', { name: 'Dup' });
    const result = dispatch(services, name, name === 'clients:create' ? { name: 'dup' } : request);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('refuses a position with neither price nor market value', () => {
    const portfolio = call(services, 'portfolios:create', { name: 'Mine' });
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Brokerage' });
    const result = dispatch(services, 'positions:create', { accountId: account.id, symbol: 'NVDA', quantity: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Give NVDA a price or a market value so it can be valued.' },
    });
    expect(call(services, 'positions:list', { accountId: account.id })).toEqual([]);
  });

  it('moves a position only between accounts of one portfolio', () => {
    const a = call(services, 'portfolios:create', { name: 'A' });
    const b = call(services, 'portfolios:create', { name: 'B' });
    const a1 = call(services, 'accounts:create', { portfolioId: a.id, name: '1' });
    const a2 = call(services, 'accounts:create', { portfolioId: a.id, name: '2' });
    const b1 = call(services, 'accounts:create', { portfolioId: b.id, name: '1' });
    const p = call(services, 'positions:create', { accountId: a1.id, symbol: 'X', quantity: 1, price: 1 });
    expect(call(services, 'positions:update', { id: p.id, patch: { accountId: a2.id } }).accountId).toBe(a2.id);
    const refused = dispatch(services, 'positions:update', { id: p.id, patch: { accountId: b1.id } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(call(services, 'positions:list', { accountId: a2.id })).toHaveLength(1);
  });
});

describe('garbage from the renderer', () => {
  function countingSql(target: Services) {
    let prepared = 0;
    let executed = 0;
    const db = new Proxy(target.db, {
      get(object, key, receiver) {
        if (key === 'prepare') return (sql: string) => (prepared++, object.prepare(sql));
        if (key === 'exec') return (sql: string) => (executed++, object.exec(sql));
        const value = Reflect.get(object, key, receiver);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });
    return { services: { ...target, db }, sql: () => prepared + executed };
  }

  const garbage: [unknown, unknown][] = [
    ['clients:drop', {}],
    ['__proto__', {}],
    [42, {}],
    [null, null],
    ['clients:create', { name: 12 }],
    ['clients:delete', { id: '1 OR 1=1' }],
    ['positions:create', { accountId: 1, symbol: 'X', quantity: '10', price: 1 }],
    ['positions:update', JSON.parse('{"id":1,"patch":{"__proto__":{"quantity":1}}}')],
    ['clients:create', JSON.parse('{"__proto__":{"name":"x"}}')],
    ['portfolios:create', { name: 'x', clientId: 1, constructor: { prototype: {} } }],
    ['accounts:list', 'portfolioId=1'],
  ];
  it.each(garbage)('%j %j is rejected before any SQL runs', (name, request) => {
    const { services: counted, sql } = countingSql(services);
    const result = dispatch(counted, name, request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['validation', 'unknown-command']).toContain(result.error.code);
    expect(sql()).toBe(0);
  });

  it('turns an unexpected failure into a sentence without leaking a stack to the message', () => {
    services.db.close();
    const result = dispatch(services, 'clients:list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/nothing was (changed|saved)/);
      expect(result.error.message).not.toMatch(/at .*\.ts/);
    }
  });
});
