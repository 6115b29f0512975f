import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COVERAGE_PARTS,
  DIMENSIONS,
  prepareBook,
  runScenario,
  type Dimension,
  type ScenarioInput,
  type StressResult,
} from '../../../shared/engine';
import type { Classification, FundHoldings } from '../../../shared/domain/reference';
import type { AssetClass, FxRate } from '../../../shared/domain/types';
import { pos, reference, scenario, sec } from './book-builder';
import { referenceRun, sameDouble, type ReferenceResult } from './reference-evaluator';

/*
 * The engine against the slow reference evaluator (docs/stress-semantics.md §1–§6) on random books and scenarios. Small
 * vocabularies so shocks often hit, tie and overlap. FND holds INR, which is a fund too (a fund in a fund); SOXL and SOXS
 * are leveraged funds of the bundled list with SOXX as stand-in; BND has a duration; MMF is a money-market fund and CSH
 * cash; VOD.L is quoted in pence; ZZZ is known to nobody; JPY has no rate (its positions are left out). Options (OCC
 * symbols) are on a stock, on a fund (looked through), on a leveraged fund, on an unknown security, one expired and one
 * on QQQ, whose price the option market data does not give (not tested); sometimes there is no option market data.
 */
const STOCKS = ['AAA', 'BBB', 'CCC', 'VOD.L', 'ZZZ'];
const SECTORS = ['Tech', 'Energy'];
const INDUSTRIES = ['Chips', 'Power'];
const COUNTRIES = ['US', 'GB'];
const THEMES = ['ai', 'grid', 'chips'];
const HELD = [...STOCKS, 'BND', 'MMF', 'CSH', 'FND', 'INR', 'SOXX', 'SOXL', 'SOXS'];
const OPTIONS = [
  'AAA   260116C00100000',
  'AAA   260116P00090000',
  'FND   260116P00020000',
  'SOXL  251219C00030000',
  'ZZZ   260116P00015000',
  'AAA   250117C00050000',
  'QQQ   260116P00400000',
];
// OPTIONS[0] often enough that a book holding it meets a shock naming it several times a run (the check below).
const SHOCKED_SYMBOLS = [...HELD, 'fnd', 'soxx', 'INR', 'INR', 'FND', 'FND', ...Array.from({ length: 6 }, () => OPTIONS[0])];

const attributes = {
  sector: fc.constantFrom(null, ...SECTORS),
  industry: fc.constantFrom(null, ...INDUSTRIES),
  country: fc.constantFrom(null, ...COUNTRIES),
  themes: fc.subarray(THEMES),
  duration: fc.constantFrom(null, null, null, 4.5),
};
/** A classification for `symbol` of the given type, or none at all (an unclassified security) when `known` is false. */
const classificationArb = (symbol: string, type: Classification['type'], alwaysKnown = false) =>
  fc.record({ known: alwaysKnown ? fc.constant(true) : fc.boolean(), ...attributes }).map(({ known, duration, ...rest }) =>
    known
      ? [
          {
            ...sec(symbol, { ...rest, type }),
            duration:
              type === 'bond-fund'
                ? { years: 6, source: 'user' as const }
                : duration === null
                  ? null
                  : { years: duration, source: 'user' as const },
          },
        ]
      : [],
  );

const weight = fc.integer({ min: 0, max: 12 }).map((w) => w / 20);
const holdingsArb = (fund: string, symbols: string[]) =>
  fc.array(weight, { minLength: symbols.length, maxLength: symbols.length }).map((weights): FundHoldings => ({
    fund,
    asOf: '2025-01-24',
    source: 'test',
    holdings: symbols.map((symbol, i) => ({ symbol, weight: weights[i] })),
  }));

const referenceArb = fc
  .record({
    stocks: fc.tuple(...STOCKS.filter((s) => s !== 'ZZZ').map((s) => classificationArb(s, 'stock'))),
    bond: classificationArb('BND', 'bond-fund', true),
    mmf: classificationArb('MMF', 'money-market'),
    cash: classificationArb('CSH', 'cash'),
    funds: fc.tuple(classificationArb('FND', 'etf'), classificationArb('INR', 'etf'), classificationArb('SOXX', 'etf')),
    fnd: holdingsArb('FND', ['AAA', 'INR', 'BND', 'ZZZ']),
    inr: holdingsArb('INR', ['BBB', 'CCC', 'MMF']),
    soxx: fc.option(holdingsArb('SOXX', ['AAA', 'CCC']), { nil: null }),
    gbpUsd: fc.constantFrom(1.25, 1.3),
  })
  .map(({ stocks, bond, mmf, cash, funds, fnd, inr, soxx, gbpUsd }) => {
    const rates: FxRate[] = [
      { currency: 'GBP', quote: 'USD', rate: gbpUsd, asOf: 'd', source: 's' },
      { currency: 'EUR', quote: 'USD', rate: 1.1, asOf: 'd', source: 's' },
    ];
    return reference([...stocks.flat(), ...bond, ...mmf, ...cash, ...funds.flat()], [fnd, inr, ...(soxx ? [soxx] : [])], rates);
  });

const positionArb = fc.record({
  symbol: fc.constantFrom(...HELD),
  quantity: fc.integer({ min: -40, max: 100 }),
  // Null: the import gave a market value and no price (§1).
  price: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null, freq: 8 }),
  marketValue: fc.integer({ min: -2000, max: 20000 }),
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP', 'GBp', 'GBX', 'JPY'),
  account: fc.constantFrom('Brokerage', 'IRA'),
});

const optionArb = fc.record({
  symbol: fc.constantFrom(...OPTIONS),
  // Zero contracts: no value of its own (not tested).
  quantity: fc.integer({ min: -6, max: 6 }),
  price: fc.option(fc.integer({ min: 5, max: 3000 }), { nil: null, freq: 6 }),
  marketValue: fc.integer({ min: -3000, max: 3000 }),
  multiplier: fc.constantFrom(100, 100, 10),
  volatility: fc.option(
    fc.integer({ min: 10, max: 120 }).map((v) => v / 100),
    { nil: undefined },
  ),
  currency: fc.constantFrom('USD', 'USD', 'EUR', 'JPY'),
  account: fc.constantFrom('Brokerage', 'IRA'),
});
const optionMarketArb = fc.option(
  fc.record({
    asOf: fc.constantFrom('2025-06-20', '2025-01-02'),
    rate: fc.constantFrom(0.04, 0),
    underlyings: fc.record({
      AAA: fc.record({ price: fc.constantFrom(100, 80), volatility: fc.constantFrom(0.45, null) }),
      FND: fc.record({ price: fc.constantFrom(25, null), volatility: fc.constant(null) }),
      SOXL: fc.record({ price: fc.constant(30), volatility: fc.constantFrom(0.9, null) }),
      ZZZ: fc.record({ price: fc.constant(15), volatility: fc.constant(0.6) }),
    }),
  }),
  { nil: undefined, freq: 5 },
);

const change = fc.integer({ min: -60, max: 30 }).map((c) => c / 100);
const enabled = fc.constantFrom(true, true, true, false);
const shockArb: fc.Arbitrary<ScenarioInput['shocks'][number]> = fc.oneof(
  {
    arbitrary: fc.record({ target: fc.constant('symbol' as const), value: fc.constantFrom(...SHOCKED_SYMBOLS), change, enabled }),
    weight: 4,
  },
  fc.record({ target: fc.constant('theme' as const), value: fc.constantFrom(...THEMES, 'AI'), change, enabled }),
  fc.record({ target: fc.constant('industry' as const), value: fc.constantFrom(...INDUSTRIES), change, enabled }),
  fc.record({ target: fc.constant('sector' as const), value: fc.constantFrom(...SECTORS, ' energy '), change, enabled }),
  fc.record({ target: fc.constant('country' as const), value: fc.constantFrom(...COUNTRIES), change, enabled }),
  fc.record({ target: fc.constant('assetClass' as const), value: fc.constantFrom('equity', 'cash', 'bond', 'fund'), change, enabled }),
  fc.record({
    target: fc.constant('rates' as const),
    value: fc.constant(''),
    change: fc.integer({ min: -200, max: 200 }).map((bp) => bp / 10000),
    enabled,
  }),
  fc.record({ target: fc.constant('market' as const), value: fc.constant(''), change, enabled }),
  {
    arbitrary: fc.record({ target: fc.constant('currency' as const), value: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'), change, enabled }),
    weight: 2,
  },
);

const caseArb = fc.record({
  ref: referenceArb,
  positions: fc.array(positionArb, { minLength: 1, maxLength: 8 }),
  options: fc.array(optionArb, { maxLength: 3 }),
  optionMarket: optionMarketArb,
  shocks: fc.array(shockArb, { minLength: 0, maxLength: 8 }),
  /** Further scenarios run on the same prepared book (nothing from one run may leak into the next). */
  more: fc.array(fc.array(shockArb, { minLength: 0, maxLength: 8 }), { maxLength: 2 }),
  base: fc.constantFrom('USD', 'USD', 'GBP', 'EUR'),
  scale: fc.constantFrom(1, 1, 0.5, 1.5),
  lookThrough: fc.constantFrom(true, true, true, false),
});

/** Equal within 1e-9 of `size` (the book's gross value for sums, which can cancel to near zero). */
const near = (actual: number, expected: number, size: number, what: string) => {
  if (!(Math.abs(actual - expected) <= 1e-9 * Math.max(1, size))) throw new Error(`${what}: engine ${actual}, reference ${expected}`);
};

/** Compares one run; `withPositions` false for a batch run (no position results, no position ids in coverage). */
function compare(engine: StressResult, ref: ReferenceResult, withPositions: boolean, dimensions: readonly Dimension[] = DIMENSIONS) {
  const size = ref.grossValue;
  near(engine.valueBefore, ref.valueBefore, size, 'value before');
  near(engine.pnl, ref.pnl, size, 'total P&L');
  near(engine.coverage.grossValue, ref.grossValue, size, 'gross value');
  expect(engine.positions.map((p) => p.id)).toEqual(withPositions ? ref.positions.map((p) => p.id) : []);
  engine.positions.forEach((p, i) => {
    const r = ref.positions[i];
    near(p.value, r.value, Math.abs(r.value), `value of position ${p.id} (${p.symbol})`);
    near(p.pnl, r.pnl, Math.abs(r.value), `P&L of position ${p.id} (${p.symbol})`);
    near(p.return, r.return, 1, `return of position ${p.id} (${p.symbol})`);
  });
  for (const part of COVERAGE_PARTS) {
    near(engine.coverage[part].value, ref.coverage[part].value, size, `coverage ${part}`);
    expect(engine.coverage[part].positionIds, `positions in coverage ${part}`).toEqual(withPositions ? ref.coverage[part].positionIds : []);
  }
  expect(engine.coverage.unclassified.symbols).toEqual(ref.unclassifiedSymbols);
  expect(engine.shockValue.length).toBe(ref.shockValue.length);
  engine.shockValue.forEach((v, i) => near(v, ref.shockValue[i], size, `value reached by shock ${i}`));
  for (const dimension of dimensions) {
    const rows = engine.aggregates[dimension] ?? [];
    const expected = ref.aggregates[dimension];
    expect(rows.map((r) => r.key).sort(), `${dimension} groups`).toEqual([...expected.keys()].sort());
    for (const row of rows) {
      near(row.value, expected.get(row.key)!.value, size, `${dimension} ${row.key} value`);
      near(row.pnl, expected.get(row.key)!.pnl, size, `${dimension} ${row.key} P&L`);
    }
  }
}

/**
 * The pass over securities against the reference to the last bit: both sum in double-double and round once, so each
 * figure is the same double (leveraged funds and options aside, whose moves are evaluated one by one in doubles).
 */
function sameDoubles(engine: StressResult, ref: ReferenceResult, dimensions: readonly Dimension[]) {
  const same = (value: number, name: string) => {
    if (!sameDouble(value, ref, name)) expect.fail(`${name}: engine ${value}, reference ${ref.unrounded.get(name)?.join(' + ')}`);
  };
  same(engine.valueBefore, 'value before');
  same(engine.pnl, 'P&L');
  same(engine.coverage.grossValue, 'gross value');
  for (const part of COVERAGE_PARTS) same(engine.coverage[part].value, `coverage ${part}`);
  engine.shockValue.forEach((v, i) => same(v, `shock ${i}`));
  for (const dimension of dimensions)
    for (const row of engine.aggregates[dimension] ?? []) {
      same(row.value, `${dimension} ${row.key} value`);
      same(row.pnl, `${dimension} ${row.key} P&L`);
    }
}

/** Every aggregate but per account, which only the group-by-group pass gives. */
const BY_SECURITY = DIMENSIONS.filter((d) => d !== 'account');

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The cases the generators must reach, so a pass means these were compared and not just never drawn. */
const FEATURES: Record<string, (c: Case) => boolean> = {
  'a pence position under a sterling shock, base USD': (c) =>
    c.base === 'USD' && c.positions.some((p) => p.currency === 'GBp' || p.currency === 'GBX') && on(c, 'currency', 'GBP'),
  'a pence position in a sterling book': (c) => c.base === 'GBP' && c.positions.some((p) => p.currency === 'GBp'),
  'a shock on the base currency with foreign positions': (c) => on(c, 'currency', c.base) && c.positions.some((p) => p.currency !== c.base),
  'a fund in a fund whose ticker is shocked': (c) => c.lookThrough && holds(c, 'FND') && on(c, 'symbol', 'INR'),
  'a fund moved whole by a shock on its ticker': (c) => holds(c, 'FND') && (on(c, 'symbol', 'FND') || on(c, 'symbol', 'fnd')),
  'a leveraged fund': (c) => holds(c, 'SOXL') || holds(c, 'SOXS'),
  'a rate shock with a bond fund held': (c) => on(c, 'rates', '') && (holds(c, 'BND') || holds(c, 'FND')),
  'cash or money market under a market shock': (c) => (holds(c, 'CSH') || holds(c, 'MMF')) && on(c, 'market', ''),
  'a short': (c) => c.positions.some((p) => p.quantity < 0),
  'a position without an exchange rate': (c) => c.positions.some((p) => p.currency === 'JPY'),
  'fund weights over 100%': (c) => holds(c, 'FND') && c.ref.funds.FND.holdings.reduce((w, h) => w + h.weight, 0) > 1,
  'a disabled shock': (c) => [c.shocks, ...c.more].some((list) => list.some((s) => s.enabled === false)),
  'a security with several themes': (c) => Object.values(c.ref.securities).some((s) => s.themes.length > 1),
  'a position known only by its market value': (c) => c.positions.some((p) => p.price === null),
  'a written option': (c) => !!c.optionMarket && c.options.some((o) => o.quantity < 0 && o.currency !== 'JPY'),
  'an option on a looked-through fund': (c) => !!c.optionMarket && c.lookThrough && c.options.some((o) => o.symbol.startsWith('FND')),
  'an option on a leveraged fund': (c) => !!c.optionMarket && c.options.some((o) => o.symbol.startsWith('SOXL')),
  'an expired option': (c) => c.optionMarket?.asOf === '2025-06-20' && c.options.some((o) => o.symbol === 'AAA   250117C00050000'),
  'an option whose underlying has no price': (c) => c.options.some((o) => o.symbol.startsWith('QQQ')),
  'options without market data': (c) => c.options.length > 0 && !c.optionMarket,
  'a shock naming an option contract': (c) => c.options.some((o) => o.symbol === OPTIONS[0]) && on(c, 'symbol', OPTIONS[0]),
};
/** Books with a leveraged fund or an option held: their moves are evaluated one by one, in doubles. */
const oneByOne = (c: Case) => holds(c, 'SOXL') || holds(c, 'SOXS') || c.options.some((o) => o.currency !== 'JPY');
const holds = (c: Case, symbol: string) => c.positions.some((p) => p.symbol === symbol && p.currency !== 'JPY');
const on = (c: Case, target: string, value: string) =>
  [c.shocks, ...c.more].some((list) => list.some((s) => s.enabled !== false && s.target === target && (s.value ?? '') === value));

describe('the engine agrees with the slow reference evaluator', () => {
  it('on random books and scenarios, with and without position results: totals, positions, coverage, shock values and every aggregate', () => {
    const reached = Object.fromEntries(Object.keys(FEATURES).map((f) => [f, 0]));
    let exact = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { ref, positions, shocks, more, base, scale, lookThrough, optionMarket } = c;
        for (const [feature, has] of Object.entries(FEATURES)) if (has(c)) reached[feature]++;
        const held = positions.map((p) =>
          pos(p.symbol, p.quantity, 0, {
            price: p.price,
            marketValue: p.price === null ? p.marketValue : null,
            currency: p.currency,
            accountName: p.account,
            assetClass: (p.symbol === 'CSH' ? 'cash' : 'equity') as AssetClass,
          }),
        );
        for (const o of c.options)
          held.push(
            pos(o.symbol, o.quantity, 0, {
              price: o.price,
              marketValue: o.price === null ? o.marketValue : null,
              multiplier: o.multiplier,
              ...(o.volatility !== undefined ? { volatility: o.volatility } : {}),
              currency: o.currency,
              accountName: o.account,
              assetClass: 'other',
            }),
          );
        const book = prepareBook(held, base, ref, { lookThrough, optionMarket });
        for (const list of [shocks, ...more]) {
          const s = scenario(list);
          const expected = referenceRun(held, base, ref, s, { scale, lookThrough, optionMarket });
          for (const positions of [true, false]) compare(runScenario(book, s, { by: DIMENSIONS, positions, scale }), expected, positions);
          // Without positions or per-account rows, the engine takes its pass over securities (shared/engine/totals.ts).
          const totals = runScenario(book, s, { by: BY_SECURITY, positions: false, scale });
          compare(totals, expected, false, BY_SECURITY);
          if (!oneByOne(c)) {
            sameDoubles(totals, expected, BY_SECURITY);
            exact++;
          }
        }
      }),
      { numRuns: 200 },
    );
    for (const [feature, count] of Object.entries(reached)) expect(count, feature).toBeGreaterThanOrEqual(2);
    // Books that hold no leveraged fund or option (a third or so) are compared to the last bit.
    expect(exact).toBeGreaterThan(20);
  }, 30_000);
});
