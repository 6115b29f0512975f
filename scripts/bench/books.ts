// The bench's books (npm run bench) and the engine test that holds the engine to the slow reference on one of them.
import type { Classification, FundHoldings, ReferenceData } from '../../shared/domain/reference';
import type { Position } from '../../shared/domain/types';
import { scenarioSchema, type Scenario } from '../../shared/engine';
import { sec } from '../../test/shared/engine/book-builder';

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
  const securities: Classification[] = Array.from({ length: 2000 }, (_, i) =>
    sec(`S${i}`, {
      name: `Security ${i}`,
      sector: pick(SECTORS),
      industry: `Industry ${i % 60}`,
      country: pick(COUNTRIES),
      themes: rnd() < 0.15 ? [pick(THEMES)] : [],
    }),
  );
  const funds: FundHoldings[] = Array.from({ length: 20 }, (_, f) => {
    const holdings = Array.from({ length: 500 }, (_, j) => ({ symbol: `S${(f * 97 + j * 3) % 2000}`, weight: 0.9 / 500 }));
    securities.push(sec(`F${f}`, { name: `Fund ${f}`, type: 'etf' }));
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

/**
 * A book that looks like real ones (the engine issue's point 4), on the same 2,000 securities and 20 funds: every fund
 * held (one holds another fund), bond funds with durations, cash and a money-market fund, securities with two or
 * three themes, positions in the base currency, in euros and in pence (GBp), a few shorts; and scenarios with
 * symbol shocks on fund tickers, a rate shock, a pound shock and, now and then, a shock to the base currency.
 */
export function realisticBook(count: number, seed = 7) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const base = syntheticBook(0, seed);
  const securities = Object.values(base.reference.securities).map((s, i) => {
    if (s.type !== 'stock') return s;
    // One in five has two or three themes; one in twenty is a London listing quoted in pence.
    const themes = i % 5 === 0 ? [...new Set([pick(THEMES), pick(THEMES), pick(THEMES)])] : s.themes;
    return i % 20 === 0 ? { ...s, themes, country: 'GB', currency: 'GBp' } : { ...s, themes };
  });
  const bonds = Array.from({ length: 6 }, (_, b) => ({
    ...securities[0],
    symbol: `B${b}`,
    name: `Bond fund ${b}`,
    type: 'bond-fund' as const,
    sector: null,
    industry: null,
    themes: [],
    currency: 'USD',
    duration: { years: [0.3, 2.1, 5.8, 6.4, 12.5, 17.1][b], source: 'user' as const },
  }));
  const moneyMarket = { ...bonds[0], symbol: 'MMF', name: 'Money market fund', type: 'money-market' as const, duration: null };
  const funds = Object.values(base.reference.funds).map((f, n) =>
    // Fund 19 holds fund 0 (a fund inside a fund) in place of one of its holdings.
    n === 19 ? { ...f, holdings: [{ symbol: 'F0', weight: 0.05 }, ...f.holdings.slice(1)] } : f,
  );
  const reference: ReferenceData = {
    securities: Object.fromEntries([...securities, ...bonds, moneyMarket].map((s) => [s.symbol, s])),
    funds: Object.fromEntries(funds.map((f) => [f.fund, f])),
    fxRates: [
      { currency: 'EUR', quote: 'USD', rate: 1.08, asOf: '2025-10-04', source: 'synthetic' },
      { currency: 'GBP', quote: 'USD', rate: 1.27, asOf: '2025-10-04', source: 'synthetic' },
    ],
  };
  const positions: Position[] = Array.from({ length: count }, (_, i) => {
    const kind = i % 20;
    const common = {
      id: i + 1,
      accountId: i % 50,
      accountName: `Account ${i % 50}`,
      name: '',
      marketValue: null,
      costBasis: null,
      asOf: null,
      isShortIntended: false,
    };
    if (kind < 7)
      return {
        ...common,
        symbol: `F${i % 20}`,
        assetClass: 'fund',
        quantity: 1 + Math.floor(rnd() * 500),
        price: 20 + rnd() * 400,
        currency: i % 9 === 0 ? 'EUR' : 'USD',
      };
    if (kind === 7)
      return {
        ...common,
        symbol: `B${i % 6}`,
        assetClass: 'bond',
        quantity: 10 + Math.floor(rnd() * 500),
        price: 50 + rnd() * 50,
        currency: 'USD',
      };
    if (kind === 8)
      return i % 40 === 8
        ? { ...common, symbol: 'USD', assetClass: 'cash', quantity: 5_000 + Math.floor(rnd() * 50_000), price: 1, currency: 'USD' }
        : { ...common, symbol: 'MMF', assetClass: 'cash', quantity: 1_000 + Math.floor(rnd() * 20_000), price: 1, currency: 'USD' };
    const s = securities[Math.floor(rnd() * 2000)];
    const quantity = (i % 97 === 0 ? -1 : 1) * (1 + Math.floor(rnd() * 500));
    if (s.currency === 'GBp')
      return { ...common, symbol: s.symbol, assetClass: 'equity', quantity, price: 80 + rnd() * 3_000, currency: 'GBp' };
    return { ...common, symbol: s.symbol, assetClass: 'equity', quantity, price: 5 + rnd() * 500, currency: rnd() < 0.1 ? 'EUR' : 'USD' };
  });
  // Positions as the database hands them to the engine (electron/db/positions.ts hydrate): one object shape.
  const stored = positions.map((p): Position => ({
    id: p.id,
    accountId: p.accountId,
    accountName: p.accountName,
    symbol: p.symbol,
    name: p.name,
    assetClass: p.assetClass,
    quantity: p.quantity,
    price: p.price,
    marketValue: p.marketValue,
    costBasis: p.costBasis,
    currency: p.currency,
    asOf: p.asOf,
    isShortIntended: p.isShortIntended,
  }));
  const scenarios: Scenario[] = base.scenarios.map((scenario, n) =>
    scenarioSchema.parse({
      ...scenario,
      id: `real-${n}`,
      name: `Real ${n}`,
      shocks: scenario.shocks.map((shock, k) => {
        const change = shock.change;
        switch (k) {
          case 0:
            return { target: 'symbol', value: `F${n % 20}`, change };
          case 6:
            return { target: 'rates', value: '', change: Math.round((rnd() * 0.03 - 0.01) * 10000) / 10000 };
          case 13:
            return { target: 'currency', value: 'GBP', change: change / 4 };
          case 20 - 1:
            return n % 4 === 0 ? { target: 'currency', value: 'USD', change: 0.05 } : shock;
          default:
            return shock;
        }
      }),
    }),
  );
  return { positions: stored, reference, scenarios };
}
