import type { Classification, FundHoldings, ReferenceData } from '../../../shared/domain/reference';
import type { AssetClass, FxRate, Position } from '../../../shared/domain/types';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../../shared/engine';

let nextId = 1;

/** A position as the store would hand it to the engine. */
export function pos(symbol: string, quantity: number, price: number, over: Partial<Position> = {}): Position {
  return {
    id: nextId++,
    accountId: 1,
    accountName: 'Brokerage',
    symbol,
    name: '',
    assetClass: 'equity' as AssetClass,
    quantity,
    price,
    marketValue: null,
    costBasis: null,
    currency: 'USD',
    asOf: '2025-01-24',
    isShortIntended: false,
    ...over,
  };
}

/** A classification with only the fields a story cares about. */
export function sec(symbol: string, over: Partial<Classification> = {}): Classification {
  return {
    symbol,
    name: symbol,
    type: 'stock',
    sector: null,
    industry: null,
    country: 'US',
    currency: 'USD',
    exchange: null,
    isin: null,
    themes: [],
    sources: {},
    asOf: null,
    ...over,
  };
}

/** Reference data from classifications, fund holdings and FX rates. */
export function reference(securities: Classification[], funds: FundHoldings[] = [], fxRates: FxRate[] = []): ReferenceData {
  return {
    securities: Object.fromEntries(securities.map((s) => [s.symbol, s])),
    funds: Object.fromEntries(funds.map((f) => [f.fund, f])),
    fxRates,
  };
}

/** A fund's holdings from symbol → weight, dated and sourced as a test's made-up figures. */
export function fund(symbol: string, weights: Record<string, number>, asOf = '2025-01-24', source = 'test'): FundHoldings {
  return { fund: symbol, asOf, source, holdings: Object.entries(weights).map(([held, weight]) => ({ symbol: held, weight })) };
}

/** An FX rate: units of `quote` for one unit of `currency`. */
export function fx(currency: string, rate: number, quote = 'USD', asOf = '2025-01-24', source = 'test'): FxRate {
  return { currency, quote, rate, asOf, source };
}

/** A validated scenario from a short list of shocks. */
export function scenario(shocks: ScenarioInput['shocks'], id = 'story'): Scenario {
  return scenarioSchema.parse({ format: 'aftershock-scenario', version: 1, id, name: id, kind: 'hypothetical', shocks });
}

/** The card's "AI capex thesis collapses" shocks, as the stories apply them. */
export const aiCapex = scenario([
  { target: 'industry', value: 'Semiconductors', change: -0.1 },
  { target: 'industry', value: 'Semiconductor Materials & Equipment', change: -0.1 },
  { target: 'symbol', value: 'ASML', change: -0.11 },
  { target: 'theme', value: 'ai-energy', change: -0.2 },
]);
