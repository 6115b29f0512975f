import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareBook } from '../../../shared/engine';
import { compileScenario } from '../../../shared/engine/match';
import { createEvaluator } from '../../../shared/engine/run';
import { MATCH_LEVELS, TARGET_PRECEDENCE } from '../../../shared/engine/scenario';
import type { Classification } from '../../../shared/domain/reference';
import { basisPointMove, randomShock, wholePercentChange } from './arbitraries';
import { fund, pos, reference, scenario, sec } from './book-builder';

// Small vocabularies so random shocks often hit, overlap and tie.
const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'BND', 'FND', 'CSH'];
const SECTORS = ['Tech', 'Energy'];
const INDUSTRIES = ['Chips', 'Power'];
const COUNTRIES = ['US', 'NL'];
const THEMES = ['ai', 'grid', 'chips'];

const classificationArb = (symbol: string) =>
  fc
    .record({
      sector: fc.constantFrom(null, ...SECTORS),
      industry: fc.constantFrom(null, ...INDUSTRIES),
      country: fc.constantFrom(null, ...COUNTRIES),
      themes: fc.subarray(THEMES),
      duration: fc.constantFrom(null, null, 4.5, 17),
    })
    .map(({ duration, ...rest }): Classification => ({
      ...sec(symbol, rest),
      ...(symbol === 'FND' ? { type: 'etf' as const } : {}),
      ...(symbol === 'CSH' ? { type: 'cash' as const } : {}),
      duration: duration === null ? null : { years: duration, source: 'user' as const },
    }));

const shockArb = randomShock(
  {
    symbol: [...SYMBOLS, 'aaa', 'ZZZ'],
    theme: [...THEMES, 'AI'],
    industry: [...INDUSTRIES, ' chips '],
    sector: SECTORS,
    country: COUNTRIES,
    assetClass: ['equity', 'cash', 'bond', 'fund'],
    rates: { values: [''], change: basisPointMove },
    market: [''],
  },
  wholePercentChange,
  { toggled: true },
);

const caseArb = fc.record({
  classes: fc.tuple(...SYMBOLS.map(classificationArb)),
  held: fc.subarray(SYMBOLS, { minLength: 1 }),
  shocks: fc.array(shockArb, { minLength: 0, maxLength: 10 }),
});

describe('one rule for which shock wins', () => {
  it('the precedence steps are the declared precedence, and the book indexes exactly the attribute levels', () => {
    expect(MATCH_LEVELS).toEqual(TARGET_PRECEDENCE.filter((t) => t !== 'rates' && t !== 'market'));
    const compiled = compileScenario(
      scenario([
        { target: 'market', change: -0.1 },
        { target: 'assetClass', value: 'equity', change: -0.01 },
        { target: 'theme', value: 'ai', change: -0.02 },
        { target: 'rates', change: 0.01 },
        { target: 'symbol', value: 'AAA', change: -0.03 },
      ]),
    );
    expect(compiled.precedence.map((s) => s.level)).toEqual(['symbol', 'rates', 'theme', 'assetClass']);
    const book = prepareBook([pos('AAA', 1, 1)], 'USD', reference([sec('AAA')]));
    expect(Object.keys(book.index)).toEqual([...MATCH_LEVELS]);
  });

  it("the evaluator's index sweep picks, for every security, the shock the precedence walk picks", () => {
    fc.assert(
      fc.property(caseArb, ({ classes, held, shocks }) => {
        const ref = reference(classes, [fund('FND', { AAA: 0.4, DDD: 0.3, ZZZ: 0.1 })]);
        const book = prepareBook(
          held.map((symbol) => pos(symbol, 10, 5, symbol === 'CSH' ? { assetClass: 'cash' } : {})),
          'USD',
          ref,
        );
        const compiled = compileScenario(scenario(shocks));
        const evaluate = createEvaluator(book, compiled);
        for (const key of book.keys) {
          const walk = compiled.priceShock(key);
          const sweep = evaluate.priceOf(key.id);
          expect({ symbol: key.symbol, shock: sweep.shockIndex, change: sweep.change, reason: sweep.reason }).toEqual({
            symbol: key.symbol,
            shock: walk.shockIndex,
            change: walk.change,
            reason: walk.reason,
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});
