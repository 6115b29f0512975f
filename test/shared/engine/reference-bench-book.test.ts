import { describe, expect, it } from 'vitest';
import { COVERAGE_PARTS, prepareBook, runScenario } from '../../../shared/engine';
import { realisticBook } from '../../../scripts/bench/books';
import { referenceRun } from './reference-evaluator';

/*
 * The bench's realistic book (scripts/bench/books.ts: every fund held, a fund in a fund, bond funds under a rate
 * shock, cash, several themes, pence and euro positions, shorts, fund-ticker and base-currency shocks), at a tenth of
 * its size: the engine's pass over securities and the slow reference, position by position, give the same double for
 * every figure. Prices there are not round, so an exact sum lands on a halfway point between two doubles next to never.
 */
describe('the engine on the bench book', () => {
  const { positions, reference, scenarios } = realisticBook(1_000);
  const book = prepareBook(positions, 'USD', reference);

  it('gives the same double as the reference for every total, coverage part, shock reach and sector and theme row', () => {
    let figures = 0;
    for (const scenario of [scenarios[0], scenarios[3], scenarios[4]]) {
      const engine = runScenario(book, scenario, { positions: false, by: ['sector', 'theme'] });
      const slow = referenceRun(positions, 'USD', reference, scenario, { dimensions: ['sector', 'theme'] });
      const pairs: [string, number, number][] = [
        ['P&L', engine.pnl, slow.pnl],
        ['value before', engine.valueBefore, slow.valueBefore],
        ['gross value', engine.coverage.grossValue, slow.grossValue],
        ...COVERAGE_PARTS.map((p): [string, number, number] => [p, engine.coverage[p].value, slow.coverage[p].value]),
        ...engine.shockValue.map((v, i): [string, number, number] => [`shock ${i}`, v, slow.shockValue[i]]),
        ...(['sector', 'theme'] as const).flatMap((d) =>
          (engine.aggregates[d] ?? []).flatMap((row): [string, number, number][] => [
            [`${d} ${row.key} value`, row.value, slow.aggregates[d].get(row.key)?.value ?? NaN],
            [`${d} ${row.key} P&L`, row.pnl, slow.aggregates[d].get(row.key)?.pnl ?? NaN],
          ]),
        ),
      ];
      for (const [name, a, b] of pairs) expect(a, `${scenario.name}: ${name}`).toBe(b);
      figures += pairs.length;
      // The scenarios move something: a fund's ticker, a currency, the base currency (scenarios 0 and 4).
      expect(engine.pnl).not.toBe(0);
    }
    expect(figures).toBeGreaterThan(150);
  });
});
