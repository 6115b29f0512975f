import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareBook } from '../../../shared/engine';
import { upsertFxRate } from '../../../electron/db/fx-rates';
import { insertPrices } from '../../../electron/db/prices';
import { loadFxHistory } from '../../../electron/services/history';
import { closeServices, type Services } from '../../../electron/services/services';
import { stressSnapshot } from '../../../electron/services/book';
import { call, memoryServices } from '../../helpers/services';

let services: Services;
beforeEach(() => {
  services = memoryServices();
});
afterEach(() => closeServices(services));

const closes = (symbol: string, rows: [string, number][]) =>
  insertPrices(
    services.db,
    rows.map(([date, close]) => ({ symbol, date, close, adjClose: close, source: 'Yahoo Finance' })),
    'replace',
  );

/** A book with a German stock (€1,000) and euro cash (€500) in `base`; SAP.DE +10% over 24 → 27 Jan 2025. */
function euroBook(base: string) {
  const portfolio = call(services, 'portfolios:create', { name: `In ${base}`, baseCurrency: base });
  const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'Broker' });
  call(services, 'positions:create', { accountId: account.id, symbol: 'SAP.DE', quantity: 10, price: 100, currency: 'EUR' });
  call(services, 'positions:create', {
    accountId: account.id,
    symbol: 'EUR',
    quantity: 500,
    price: 1,
    currency: 'EUR',
    assetClass: 'cash',
  });
  closes('SAP.DE', [
    ['2025-01-23', 99],
    ['2025-01-24', 100],
    ['2025-01-27', 110],
  ]);
  upsertFxRate(services.db, { currency: 'EUR', quote: 'USD', rate: 1.1, asOf: '2025-01-27', source: 'test' });
  return portfolio;
}
const replay = (portfolioId: number) => call(services, 'stress:replay', { portfolioId, from: '2025-01-24', to: '2025-01-27' });
const byPosition = (result: { positions: { symbol: string; return: number }[] }) =>
  Object.fromEntries(result.positions.map((p) => [p.symbol, p.return]));

describe('replaying a dollar book with euro holdings from stored FX closes', () => {
  it('composes each euro holding with the euro’s move, read from the EURUSD=X closes the refresh stores', () => {
    const portfolio = euroBook('USD');
    // Dollars per euro 1.04 → 1.092: +5%; the 28th lies after the window.
    closes('EURUSD=X', [
      ['2025-01-23', 1.03],
      ['2025-01-24', 1.04],
      ['2025-01-27', 1.092],
      ['2025-01-28', 1.2],
    ]);
    const result = replay(portfolio.id);
    expect(byPosition(result)['SAP.DE']).toBeCloseTo(0.155, 12);
    expect(byPosition(result).EUR).toBeCloseTo(0.05, 12);
    expect(result.pnl).toBeCloseTo(1100 * 0.155 + 550 * 0.05, 9);
    expect(result.history!.notes).toContain('EUR/USD 1.0400 → 1.0920: +5%, applied to EUR holdings and cash.');
  });

  it('loads only the pairs that can move the book’s currencies, up to the window’s end', () => {
    const portfolio = euroBook('USD');
    closes('EURUSD=X', [
      ['2025-01-24', 1.04],
      ['2025-01-28', 1.2],
    ]);
    closes('GBPUSD=X', [['2025-01-24', 1.25]]);
    const snapshot = stressSnapshot(services.db, portfolio.id, services.today());
    const book = prepareBook(snapshot.positions, 'USD', snapshot.reference);
    expect([...loadFxHistory(services.db, book, '2025-01-27')]).toEqual([['EURUSD=X', { dates: ['2025-01-24'], closes: [1.04] }]]);
  });

  it('reads a euro investor’s view from the same pair, inverted', () => {
    const portfolio = euroBook('EUR');
    const account = call(services, 'accounts:create', { portfolioId: portfolio.id, name: 'US broker' });
    call(services, 'positions:create', { accountId: account.id, symbol: 'ALFA', quantity: 10, price: 100, currency: 'USD' });
    closes('ALFA', [
      ['2025-01-24', 100],
      ['2025-01-27', 100],
    ]);
    closes('EURUSD=X', [
      ['2025-01-24', 1.04],
      ['2025-01-27', 1.092],
    ]);
    const result = replay(portfolio.id);
    expect(byPosition(result).ALFA).toBeCloseTo(1 / 1.05 - 1, 12);
    expect(byPosition(result)['SAP.DE']).toBeCloseTo(0.1, 12);
    expect(result.history!.notes).toContain('USD/EUR 0.96154 → 0.91575: −4.76%, applied to USD holdings and cash.');
  });

  it('without FX closes, replays euro holdings in local currency and says to refresh', () => {
    const portfolio = euroBook('USD');
    const result = replay(portfolio.id);
    expect(byPosition(result)['SAP.DE']).toBeCloseTo(0.1, 12);
    expect(byPosition(result).EUR).toBe(0);
    expect(result.history!.notes).toContain(
      'EUR/USD: no exchange-rate history over the window, refresh market data; EUR holdings replayed in local currency.',
    );
  });

  it('gives a report’s historical scenario the same currency moves as the replay command', () => {
    const portfolio = euroBook('USD');
    closes('EURUSD=X', [
      ['2025-01-24', 1.04],
      ['2025-01-27', 1.092],
    ]);
    const model = call(services, 'reports:build', { portfolioId: portfolio.id, scenarioIds: ['replay-deepseek-monday-2025'] });
    expect(model.sections[0].result.pnl).toBeCloseTo(replay(portfolio.id).pnl, 9);
    expect(model.sections[0].result.history!.currencies).toEqual([
      { currency: 'EUR', pair: 'EUR/USD', change: expect.closeTo(0.05, 12), reason: 'EUR/USD 1.0400 → 1.0920: +5%' },
    ]);
  });
});

describe('propagating from a shocked symbol the book does not hold', () => {
  it('reads that symbol’s own closes as the proxy (they were not loaded: "VOO has no proxy series with history")', () => {
    const bundled = memoryServices({ loadReference: true });
    try {
      const portfolio = call(bundled, 'portfolios:create', { name: 'Apple only' });
      const account = call(bundled, 'accounts:create', { portfolioId: portfolio.id, name: 'Broker' });
      call(bundled, 'positions:create', { accountId: account.id, symbol: 'AAPL', quantity: 10, price: 200 });
      const result = call(bundled, 'stress:run', {
        portfolioId: portfolio.id,
        propagate: true,
        asOf: '2025-04-04',
        scenario: {
          format: 'aftershock-scenario',
          version: 1,
          id: 'voo-down',
          name: 'VOO −10%',
          kind: 'hypothetical',
          shocks: [{ target: 'symbol', value: 'VOO', change: -0.1 }],
        },
      });
      expect(result.history?.notes.join(' ')).not.toMatch(/VOO/);
      const [apple] = result.positions;
      expect(apple.source).toBe('propagated');
      expect(apple.applied).toMatch(/VOO/);
      // Apple's beta to the S&P 500 is about 1: a 10% fall of VOO moves it by several percent, not by nothing.
      expect(apple.return).toBeLessThan(-0.05);
      expect(apple.return).toBeGreaterThan(-0.2);
    } finally {
      closeServices(bundled);
    }
  });
});
