import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';
import { referenceRun } from './reference-evaluator';

// 1,000 shares at 250 pence = £2,500; at GBP/USD 1.25 that is $3,125.
const ref = reference(
  [sec('VOD.L', { sector: 'Communication Services', currency: 'GBP' })],
  [],
  [{ currency: 'GBP', quote: 'USD', rate: 1.25, asOf: '2025-01-24', source: 'test' }],
);
const book = (unit: string, base: string) => prepareBook([pos('VOD.L', 1000, 250, { currency: unit })], base, ref);

describe('story: a holding quoted in pence moves with sterling', () => {
  it.each(['GBp', 'GBX'])('%s: base USD, "currency GBP −10%" loses 10% of USD 3,125', (unit) => {
    const result = runScenario(book(unit, 'USD'), scenario([{ target: 'currency', value: 'GBP', change: -0.1 }]));
    expect(result.valueBefore).toBeCloseTo(3125, 9);
    expect(result.pnl).toBeCloseTo(-312.5, 9);
    expect(result.positions[0].applied).toContain('currency GBP −10%');
    expect(result.coverage.explicit.share).toBeCloseTo(1, 12);
  });

  it('base USD, "market −10%, GBP −5%" compounds to −14.5%', () => {
    const result = runScenario(
      book('GBp', 'USD'),
      scenario([
        { target: 'market', change: -0.1 },
        { target: 'currency', value: 'GBP', change: -0.05 },
      ]),
    );
    expect(result.return).toBeCloseTo(-0.145, 12);
  });

  it('base GBP: pence are not foreign, so "currency GBP +10%" moves nothing and a USD shock moves nothing either', () => {
    const gbp = book('GBp', 'GBP');
    expect(gbp.totalValue).toBeCloseTo(2500, 9);
    expect(runScenario(gbp, scenario([{ target: 'currency', value: 'GBP', change: 0.1 }])).pnl).toBe(0);
    expect(runScenario(gbp, scenario([{ target: 'currency', value: 'USD', change: 0.1 }])).pnl).toBe(0);
  });
});

describe('story: the same pence holding, exact figures, engine and slow reference alike', () => {
  // VOD.L again (1,000 × 250 GBp = £2,500 = USD 3,125 at 1.25), beside 100 × 40 USD = USD 4,000 and a
  // Johannesburg holding quoted in cents: 50 × 7,000 ZAc = R3,500 = USD 192.5 at 0.055.
  const fx = [
    { currency: 'GBP', quote: 'USD', rate: 1.25, asOf: '2025-01-24', source: 'test' },
    { currency: 'ZAR', quote: 'USD', rate: 0.055, asOf: '2025-01-24', source: 'test' },
  ];
  const world = reference(
    [
      sec('VOD.L', { sector: 'Communication Services', country: 'GB', currency: 'GBP' }),
      sec('AAPL', { sector: 'Information Technology' }),
      sec('NPN.JO', { sector: 'Consumer Discretionary', country: 'ZA', currency: 'ZAR' }),
    ],
    [],
    fx,
  );
  const held = [pos('VOD.L', 1000, 250, { currency: 'GBp' }), pos('AAPL', 100, 40), pos('NPN.JO', 50, 7000, { currency: 'ZAc' })];
  const run = (base: string, shocks: Parameters<typeof scenario>[0]) => {
    const s = scenario(shocks);
    const engine = runScenario(prepareBook(held, base, world), s, { by: ['currency'] });
    const slow = referenceRun(held, base, world, s);
    // The engine and the reference agree position by position before any figure is checked.
    expect(engine.positions.map((p) => p.pnl)).toEqual(slow.positions.map((p) => expect.closeTo(p.pnl, 9)));
    expect(engine.pnl).toBeCloseTo(slow.pnl, 9);
    return engine;
  };
  const byId = (result: ReturnType<typeof run>, symbol: string) => result.positions.find((p) => p.symbol === symbol)!;

  it('base USD, "currency GBP −10%": the pence holding loses exactly USD 312.50 (−10%), nothing else moves', () => {
    const result = run('USD', [{ target: 'currency', value: 'GBP', change: -0.1 }]);
    expect(result.valueBefore).toBeCloseTo(3125 + 4000 + 192.5, 9);
    expect(byId(result, 'VOD.L').value).toBeCloseTo(3125, 9);
    expect(byId(result, 'VOD.L').return).toBeCloseTo(-0.1, 12);
    expect(byId(result, 'VOD.L').pnl).toBeCloseTo(-312.5, 9);
    expect(byId(result, 'VOD.L').source).toBe('explicit');
    expect(result.pnl).toBeCloseTo(-312.5, 9);
    // Coverage: the pence holding is shocked by its currency; the rest is not shocked.
    expect(result.coverage.explicit.value).toBeCloseTo(3125, 9);
    expect(result.coverage.noShock.value).toBeCloseTo(4192.5, 9);
    // Aggregated under the currency it is quoted in.
    expect(result.aggregates.currency!.find((r) => r.key === 'GBp')).toMatchObject({
      value: expect.closeTo(3125, 9),
      pnl: expect.closeTo(-312.5, 9),
    });
  });

  it('base USD, "market −10%, GBP −5%": the pence holding compounds to −14.5% (USD −453.125); the dollar one falls 10%', () => {
    const result = run('USD', [
      { target: 'market', change: -0.1 },
      { target: 'currency', value: 'GBP', change: -0.05 },
    ]);
    expect(byId(result, 'VOD.L').return).toBeCloseTo(-0.145, 12);
    expect(byId(result, 'VOD.L').pnl).toBeCloseTo(-453.125, 9);
    expect(byId(result, 'AAPL').pnl).toBeCloseTo(-400, 9);
    expect(byId(result, 'NPN.JO').pnl).toBeCloseTo(-19.25, 9);
    expect(result.pnl).toBeCloseTo(-453.125 - 400 - 19.25, 9);
  });

  it('base USD, "currency ZAR −20%": a holding quoted in cents moves with the rand, exactly −20% of USD 192.50', () => {
    const result = run('USD', [{ target: 'currency', value: 'ZAR', change: -0.2 }]);
    expect(byId(result, 'NPN.JO').value).toBeCloseTo(192.5, 9);
    expect(byId(result, 'NPN.JO').pnl).toBeCloseTo(-38.5, 9);
    expect(result.pnl).toBeCloseTo(-38.5, 9);
  });

  it('base GBP, "currency GBP +10%": pence are not foreign (0%), while the dollar holding moves 1/1.1 − 1 = −9.09%', () => {
    const result = run('GBP', [{ target: 'currency', value: 'GBP', change: 0.1 }]);
    expect(byId(result, 'VOD.L').value).toBeCloseTo(2500, 9);
    expect(byId(result, 'VOD.L').pnl).toBe(0);
    expect(byId(result, 'VOD.L').source).toBe('none');
    expect(byId(result, 'AAPL').value).toBeCloseTo(3200, 9);
    expect(byId(result, 'AAPL').return).toBeCloseTo(1 / 1.1 - 1, 12);
    expect(byId(result, 'AAPL').pnl).toBeCloseTo(-3200 / 11, 9);
    // A sterling shock in a sterling book moves every foreign holding, the rand one included, and covers them.
    expect(byId(result, 'NPN.JO').return).toBeCloseTo(1 / 1.1 - 1, 12);
    expect(result.coverage.noShock.value).toBeCloseTo(2500, 9);
  });

  it('a currency shock naming a minor unit names its major currency: "GBP −5%" listed before "GBX −10%" moves GBX and GBp holdings −5%', () => {
    const result = run('USD', [
      { target: 'currency', value: 'GBP', change: -0.05 },
      { target: 'currency', value: 'GBX', change: -0.1 },
    ]);
    expect(byId(result, 'VOD.L').return).toBeCloseTo(-0.05, 12);
    expect(result.shockValue[1]).toBe(0);
  });
});

describe('a scaled price shock stops at −100%', () => {
  it('market −60% at twice the size loses what is held, not 120% of it', () => {
    const b = prepareBook([pos('AAA', 10, 10)], 'USD', reference([sec('AAA')]));
    const result = runScenario(b, scenario([{ target: 'market', change: -0.6 }]), { scale: 2 });
    expect(result.pnl).toBe(-100);
    expect(result.positions[0].return).toBe(-1);
    expect(runScenario(b, scenario([{ target: 'market', change: -0.6 }]), { scale: 2, positions: false }).pnl).toBe(-100);
  });
});
