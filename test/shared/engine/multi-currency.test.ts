import { describe, expect, it } from 'vitest';
import { prepareBook, reverseStress, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';

const eur = { currency: 'EUR', quote: 'USD', rate: 1.0465, asOf: '2025-02-21', source: 'ECB' };
const ldo = pos('LDO.MI', 300, 31.68, { currency: 'EUR' }); // €9,504 = $9,945.936
const spy = pos('SPY', 10, 600, { assetClass: 'fund' }); // $6,000
const ref = reference(
  [sec('LDO.MI', { sector: 'Industrials', industry: 'Aerospace & Defense', country: 'IT', currency: 'EUR' }), sec('SPY', { type: 'etf' })],
  [],
  [eur],
);
const ldoUsd = 300 * 31.68 * 1.0465;

describe('story: a multi-currency book', () => {
  it('values in the base currency and moves a euro holding when the dollar rises 10%', () => {
    const usdUp = scenario([{ target: 'currency', value: 'USD', change: 0.1 }]);
    const result = runScenario(prepareBook([ldo, spy], 'USD', ref), usdUp);
    expect(result.valueBefore).toBeCloseTo(ldoUsd + 6000, 9);
    // EUR falls to 1/1.1 of its dollar value: −9.0909…%.
    expect(result.positions[0].return).toBeCloseTo(1 / 1.1 - 1, 12);
    expect(result.positions[0].pnl).toBeCloseTo(ldoUsd * (1 / 1.1 - 1), 9);
    expect(result.positions[1].pnl).toBe(0);
    expect(result.positions[0].applied).toContain('currency USD +10% moves EUR −9.09% against it');
  });

  it('counts what only a currency shock moved as shocked, and says so without "Not shocked"', () => {
    const cash = pos('EUR', 5_000, 1, { currency: 'EUR', assetClass: 'cash' });
    const nvda = pos('NVDA', 10, 120);
    const euroFund = pos('EXS1', 10, 100, { currency: 'EUR', assetClass: 'fund' });
    const withFund = reference(
      [
        sec('LDO.MI', { sector: 'Industrials', country: 'IT', currency: 'EUR' }),
        sec('NVDA', { sector: 'Information Technology' }),
        sec('SAP', { sector: 'Information Technology', country: 'DE' }),
        sec('EXS1', { type: 'etf' }),
      ],
      [{ fund: 'EXS1', asOf: '2025-01-31', source: 'test', holdings: [{ symbol: 'SAP', weight: 0.6 }] }],
      [eur],
    );
    const usdUp = scenario([{ target: 'currency', value: 'USD', change: 0.1 }]);
    const result = runScenario(prepareBook([ldo, cash, nvda, euroFund], 'USD', withFund), usdUp);
    const euro = ldoUsd + 5_000 * 1.0465 + 1_000 * 1.0465;
    // Every euro holding moved with the euro, the fund through its constituents and its unlisted rest alike.
    expect(result.coverage.explicit.value).toBeCloseTo(euro, 9);
    expect(result.coverage.noShock.value).toBeCloseTo(1_200, 9);
    expect(result.coverage.noShock.positionIds).toEqual([nvda.id]);
    expect(result.pnl).toBeCloseTo(euro * (1 / 1.1 - 1), 9);
    const byId = new Map(result.positions.map((p) => [p.id, p]));
    expect(byId.get(ldo.id)).toMatchObject({
      source: 'explicit',
      applied: 'currency USD +10% moves EUR −9.09% against it (no price shock matches it)',
    });
    expect(byId.get(cash.id)).toMatchObject({
      source: 'explicit',
      applied: 'currency USD +10% moves EUR −9.09% against it (cash: its amount does not move)',
    });
    expect(byId.get(euroFund.id)).toMatchObject({ source: 'explicit', throughFund: true });
    expect(byId.get(nvda.id)).toMatchObject({ source: 'none', applied: 'Not shocked: no shock in the scenario matches it.' });
    expect(result.shockValue[0]).toBeCloseTo(euro, 9);

    // A price shock and a currency move read as one sentence each, joined.
    const both = runScenario(
      prepareBook([ldo, nvda], 'USD', withFund),
      scenario([
        { target: 'sector', value: 'Industrials', change: -0.1 },
        { target: 'currency', value: 'EUR', change: -0.05 },
      ]),
    );
    expect(both.positions.find((p) => p.id === ldo.id)!.applied).toBe('sector Industrials −10%; currency EUR −5%');
  });

  it("keeps a replay's coverage about price history: a currency move alone does not count as tested there", () => {
    const replayLike = {
      ...scenario([{ target: 'currency', value: 'EUR', change: 0.05 }]),
      kind: 'historical' as const,
      event: { window: { from: '2025-01-02', to: '2025-01-31' } },
    };
    const result = runScenario(prepareBook([ldo], 'USD', ref), replayLike as Parameters<typeof runScenario>[1]);
    expect(result.return).toBeCloseTo(0.05, 12);
    expect(result.coverage.noShock.share).toBeCloseTo(1, 12);
    expect(result.positions[0].applied).toBe('Not shocked: no shock in the scenario matches it; currency EUR +5%');
  });

  it('composes a price shock and a currency shock: (1 + s)(1 + f) − 1', () => {
    const both = scenario([
      { target: 'country', value: 'IT', change: -0.1 },
      { target: 'currency', value: 'EUR', change: -0.05 },
    ]);
    const result = runScenario(prepareBook([ldo], 'USD', ref), both);
    expect(result.positions[0].return).toBeCloseTo(0.9 * 0.95 - 1, 12);
    expect(result.pnl).toBeCloseTo(ldoUsd * -0.145, 9);
  });

  it('solves reverse stress exactly when currency shocks make the loss quadratic', () => {
    const both = scenario([
      { target: 'country', value: 'IT', change: -0.1 },
      { target: 'currency', value: 'EUR', change: -0.05 },
      { target: 'market', change: -0.04 },
    ]);
    const book = prepareBook([ldo, spy], 'USD', ref);
    const answer = reverseStress(book, both, 0.2);
    expect(answer.method).toBe('quadratic');
    expect(answer.scale).not.toBeNull();
    const check = runScenario(book, both, { scale: answer.scale! });
    expect(check.return).toBeCloseTo(-0.2, 10);
    expect(answer.impliedShocks[0].change).toBeCloseTo(-0.1 * answer.scale!, 12);
  });

  it('solves a base-currency shock numerically', () => {
    const usdUp = scenario([
      { target: 'currency', value: 'USD', change: 0.1 },
      { target: 'market', change: -0.05 },
    ]);
    const book = prepareBook([ldo, spy], 'USD', ref);
    const answer = reverseStress(book, usdUp, 0.1);
    expect(answer.method).toBe('numeric');
    expect(runScenario(book, usdUp, { scale: answer.scale! }).return).toBeCloseTo(-0.1, 9);
  });

  it('leaves out a holding it cannot value and says so', () => {
    const chf = pos('NESN.SW', 10, 100, { currency: 'CHF' });
    const book = prepareBook([ldo, chf], 'USD', ref);
    expect(book.excluded).toEqual([{ id: chf.id, symbol: 'NESN.SW', currency: 'CHF' }]);
    expect(book.issues[0].message).toBe('No exchange rate to USD for CHF: 1 position left out of the stress.');
  });
});
