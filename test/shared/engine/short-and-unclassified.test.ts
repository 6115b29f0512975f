import { describe, expect, it } from 'vitest';
import { prepareBook, reverseStress, runScenario } from '../../../shared/engine';
import { pos, reference, scenario, sec } from './book-builder';

describe('story: a short position and names nobody classified', () => {
  const tsla = pos('TSLA', -10, 300); // −3,000
  const xyz = pos('XYZ', 100, 20); // 2,000, unknown
  const msft = pos('MSFT', 20, 400); // 8,000
  const ref = reference([sec('TSLA', { sector: 'Consumer Discretionary' }), sec('MSFT', { sector: 'Information Technology' })]);
  const crash = scenario([
    { target: 'sector', value: 'Information Technology', change: -0.1 },
    { target: 'market', change: -0.1 },
  ]);
  const book = prepareBook([tsla, xyz, msft], 'USD', ref);
  const result = runScenario(book, crash, { by: ['sector'] });

  it('gains on the short when the market falls', () => {
    expect(result.positions[0].pnl).toBeCloseTo(300, 9);
    expect(result.valueBefore).toBe(7000);
    expect(result.pnl).toBeCloseTo(300 - 200 - 800, 9);
  });

  it('reaches unclassified names only through the market shock, and lists them', () => {
    expect(result.positions[1]).toMatchObject({ source: 'market', applied: 'market −10% (no more specific shock matches)' });
    // Moved by the market shock, so counted there (once), not as "unclassified": that part is for what nothing moved.
    expect(result.coverage.market).toMatchObject({ value: 5000, positionIds: [tsla.id, xyz.id] });
    expect(result.coverage.unclassified).toMatchObject({ value: 0, symbols: [], positionIds: [] });
    const noMarket = runScenario(book, scenario([{ target: 'sector', value: 'Information Technology', change: -0.1 }]));
    expect(noMarket.coverage.unclassified).toMatchObject({ value: 2000, symbols: ['XYZ'], positionIds: [xyz.id] });
    expect(noMarket.coverage.noShock).toMatchObject({ value: 3000, positionIds: [tsla.id] });
    expect(book.issues.find((i) => i.kind === 'unclassified')?.symbols).toEqual(['XYZ']);
    expect(result.aggregates.sector!.find((r) => r.key === 'Unclassified')).toMatchObject({ value: 2000, pnl: -200 });
  });

  it('counts the short at its size in coverage, so the parts of the gross value sum to 100%', () => {
    // Net value 7,000; gross 3,000 + 2,000 + 8,000 = 13,000: MSFT shocked by its sector, TSLA and XYZ by the market.
    expect(result.coverage.grossValue).toBe(13000);
    expect(result.coverage.explicit.share).toBeCloseTo(8000 / 13000, 12);
    expect(result.coverage.market.share).toBeCloseTo(5000 / 13000, 12);
  });

  it('says when no scaling reaches a loss', () => {
    const small = scenario([{ target: 'sector', value: 'Information Technology', change: -0.1 }]);
    const answer = reverseStress(book, small, 2);
    expect(answer.scale).toBeNull();
    expect(answer.explanation).toMatch(
      /^No scaling of “story” loses 200\.00%: with every shock kept above −100% \(k ≤ 10\.00\) the largest loss is 114\.29%\.$/,
    );
  });
});
