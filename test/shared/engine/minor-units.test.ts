import { describe, expect, it } from 'vitest';
import { prepareBook, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';

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
