import type { Classification, FundHoldings, ReferenceData } from '../../shared/domain/reference';
import type { Position } from '../../shared/domain/types';
import { prepareBook, runScenario, scenarioSchema, type Scenario } from '../../shared/engine';
import { measure, type Figure } from './harness';

/** A small deterministic random generator, so every run measures the same book. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SECTORS = [
  'Information Technology',
  'Financials',
  'Health Care',
  'Energy',
  'Utilities',
  'Industrials',
  'Materials',
  'Real Estate',
  'Consumer Staples',
  'Consumer Discretionary',
  'Communication Services',
];
const THEMES = ['semiconductors', 'semicap-equipment', 'ai-energy', 'hyperscalers', 'ai-infrastructure', 'mega-cap-tech'];
const COUNTRIES = ['US', 'US', 'US', 'NL', 'TW', 'JP', 'DE', 'GB', 'FR', 'KR'];

/** A synthetic book: 2,000 securities, 20 funds of 500 holdings, `count` positions, half through funds. */
export function syntheticBook(count: number, seed = 7) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const securities: Classification[] = Array.from({ length: 2000 }, (_, i) => ({
    symbol: `S${i}`,
    name: `Security ${i}`,
    type: 'stock',
    sector: pick(SECTORS),
    industry: `Industry ${i % 60}`,
    country: pick(COUNTRIES),
    currency: 'USD',
    exchange: null,
    isin: null,
    themes: rnd() < 0.15 ? [pick(THEMES)] : [],
    sources: {},
    asOf: null,
  }));
  const funds: FundHoldings[] = Array.from({ length: 20 }, (_, f) => {
    const holdings = Array.from({ length: 500 }, (_, j) => ({ symbol: `S${(f * 97 + j * 3) % 2000}`, weight: 0.9 / 500 }));
    securities.push({
      symbol: `F${f}`,
      name: `Fund ${f}`,
      type: 'etf',
      sector: null,
      industry: null,
      country: 'US',
      currency: 'USD',
      exchange: null,
      isin: null,
      themes: [],
      sources: {},
      asOf: null,
    });
    return { fund: `F${f}`, asOf: '2025-10-04', source: 'synthetic', holdings };
  });
  const positions: Position[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    accountId: i % 50,
    accountName: `Account ${i % 50}`,
    symbol: i % 2 === 0 ? `F${i % 20}` : `S${Math.floor(rnd() * 2000)}`,
    name: '',
    assetClass: i % 2 === 0 ? 'fund' : 'equity',
    quantity: 1 + Math.floor(rnd() * 500),
    price: 5 + rnd() * 500,
    marketValue: null,
    costBasis: null,
    currency: rnd() < 0.1 ? 'EUR' : 'USD',
    asOf: null,
    isShortIntended: false,
  }));
  const reference: ReferenceData = {
    securities: Object.fromEntries(securities.map((s) => [s.symbol, s])),
    funds: Object.fromEntries(funds.map((f) => [f.fund, f])),
    fxRates: [{ currency: 'EUR', quote: 'USD', rate: 1.08, asOf: '2025-10-04', source: 'synthetic' }],
  };
  const scenarios: Scenario[] = Array.from({ length: 100 }, (_, n) =>
    scenarioSchema.parse({
      format: 'aftershock-scenario',
      version: 1,
      id: `bench-${n}`,
      name: `Bench ${n}`,
      kind: 'hypothetical',
      shocks: Array.from({ length: 20 }, (_, k) => {
        const change = Math.round((rnd() * -0.4 + 0.05) * 1000) / 1000;
        switch (k % 7) {
          case 0:
            return { target: 'symbol', value: `S${Math.floor(rnd() * 2000)}`, change };
          case 1:
            return { target: 'theme', value: pick(THEMES), change };
          case 2:
            return { target: 'industry', value: `Industry ${Math.floor(rnd() * 60)}`, change };
          case 3:
            return { target: 'sector', value: pick(SECTORS), change };
          case 4:
            return { target: 'country', value: pick(COUNTRIES), change };
          case 5:
            return k === 5 ? { target: 'currency', value: 'EUR', change: change / 4 } : { target: 'assetClass', value: 'equity', change };
          default:
            return { target: 'market', value: '', change };
        }
      }),
    }),
  );
  return { positions, reference, scenarios };
}

/** Engine figures for the budgets of DESIGN §4 and the engine issue. */
export function engineBenchmarks(): Figure[] {
  const large = syntheticBook(10_000);
  const medium = syntheticBook(5_000, 11);
  const figures: Figure[] = [];
  let book = prepareBook(large.positions, 'USD', large.reference);
  figures.push(
    measure(
      'prepare 10,000-position book (value, classify, look through)',
      () => void (book = prepareBook(large.positions, 'USD', large.reference)),
    ),
  );
  figures.push(
    measure(
      '100 scenarios × 20 shocks on 10,000 positions (totals, coverage)',
      () => large.scenarios.forEach((s) => runScenario(book, s, { positions: false })),
      { runs: 7, note: 'target < 100 ms' },
    ),
  );
  figures.push(
    measure('100 scenarios on 10,000 positions, every position result', () => large.scenarios.forEach((s) => runScenario(book, s)), {
      runs: 5,
    }),
  );
  figures.push(
    measure(
      '100 scenarios on 10,000 positions with sector + theme aggregates',
      () => large.scenarios.forEach((s) => runScenario(book, s, { by: ['sector', 'theme'], positions: false })),
      { runs: 5 },
    ),
  );
  const mediumBook = prepareBook(medium.positions, 'USD', medium.reference);
  figures.push(
    measure(
      'one scenario on 5,000 positions with sector + theme aggregates',
      () => void runScenario(mediumBook, medium.scenarios[0], { by: ['sector', 'theme'] }),
      { runs: 41, note: 'target well inside a 16 ms frame' },
    ),
  );
  figures.push(
    measure(
      'edit → prepare + run on 5,000 positions (worst case, nothing cached)',
      () => void runScenario(prepareBook(medium.positions, 'USD', medium.reference), medium.scenarios[1], { by: ['sector'] }),
      { runs: 21 },
    ),
  );
  return figures;
}
