import type { Classification, ReferenceData, SecurityType } from '../domain/reference';
import type { AssetClass, Position } from '../domain/types';
import { valuePositions } from '../domain/valuation';

/** The attributes a shock can match, for one security as a slice of a position. */
export interface SecurityKey {
  symbol: string;
  name: string;
  themes: readonly string[];
  industry: string | null;
  sector: string | null;
  country: string | null;
  assetClass: AssetClass;
  isClassified: boolean;
}

export interface FundLookThrough {
  fund: string;
  asOf: string;
  source: string;
  constituents: { key: SecurityKey; weight: number }[];
  /** Share of the fund not covered by the listed constituents, classified as the fund itself. */
  residualWeight: number;
}

export interface BookPosition {
  id: number;
  symbol: string;
  name: string;
  accountName: string;
  currency: string;
  /** Value in the base currency. */
  value: number;
  key: SecurityKey;
  /** Set when the position is a fund whose holdings are known and look-through is on. */
  fund: FundLookThrough | null;
}

export interface BookIssue {
  kind: 'missing-fx' | 'weights-over-100' | 'unclassified';
  message: string;
  symbols: string[];
}

/** A portfolio made ready for many scenarios: valued, classified and split through funds once. */
export interface Book {
  baseCurrency: string;
  positions: BookPosition[];
  /** Positions left out because they cannot be valued in the base currency. */
  excluded: { id: number; symbol: string; currency: string }[];
  totalValue: number;
  lookThrough: boolean;
  issues: BookIssue[];
}

const TYPE_TO_CLASS: Record<SecurityType, AssetClass> = {
  stock: 'equity',
  etf: 'fund',
  'mutual-fund': 'fund',
  'bond-fund': 'bond',
  'money-market': 'cash',
  cash: 'cash',
  crypto: 'crypto',
  other: 'other',
};

function keyFor(symbol: string, info: Classification | undefined, fallbackClass: AssetClass, fallbackName = ''): SecurityKey {
  return {
    symbol,
    name: info?.name || fallbackName,
    themes: info?.themes ?? [],
    industry: info?.industry ?? null,
    sector: info?.sector ?? null,
    country: info?.country ?? null,
    assetClass: info ? TYPE_TO_CLASS[info.type] : fallbackClass,
    isClassified: !!info && (info.sector !== null || info.industry !== null || info.themes.length > 0 || info.type !== 'stock'),
  };
}

/** Values, classifies and (optionally) looks through the positions of a portfolio, collecting issues. */
export function prepareBook(
  positions: readonly Position[],
  baseCurrency: string,
  reference: ReferenceData,
  options: { lookThrough?: boolean } = {},
): Book {
  const lookThrough = options.lookThrough ?? true;
  const valued = valuePositions(positions, baseCurrency, reference.fxRates);
  const issues: BookIssue[] = [];
  const funds = new Map<string, FundLookThrough>();
  const overweight: string[] = [];
  const unclassified = new Set<string>();

  const fundFor = (symbol: string): FundLookThrough | null => {
    if (!lookThrough) return null;
    const cached = funds.get(symbol);
    if (cached) return cached;
    const data = reference.funds[symbol];
    if (!data || data.holdings.length === 0) return null;
    let sum = data.holdings.reduce((s, h) => s + h.weight, 0);
    const scale = sum > 1 + 1e-9 ? 1 / sum : 1;
    if (scale !== 1) overweight.push(symbol);
    sum *= scale;
    const fund: FundLookThrough = {
      fund: symbol,
      asOf: data.asOf,
      source: data.source,
      constituents: data.holdings.map((h) => {
        const info = reference.securities[h.symbol];
        if (!info) unclassified.add(h.symbol);
        return { key: keyFor(h.symbol, info, 'equity'), weight: h.weight * scale };
      }),
      residualWeight: Math.max(0, 1 - sum),
    };
    funds.set(symbol, fund);
    return fund;
  };

  const book: BookPosition[] = [];
  const excluded: Book['excluded'] = [];
  for (const p of valued.positions) {
    if (p.baseValue === null) {
      excluded.push({ id: p.id, symbol: p.symbol, currency: p.currency });
      continue;
    }
    const info = reference.securities[p.symbol];
    const key = keyFor(p.symbol, info, p.assetClass, p.name);
    if (!key.isClassified && key.assetClass !== 'cash') unclassified.add(p.symbol);
    book.push({ id: p.id, symbol: p.symbol, name: p.name || key.name, accountName: p.accountName, currency: p.currency, value: p.baseValue, key, fund: fundFor(p.symbol) });
  }

  if (excluded.length) {
    const currencies = [...new Set(excluded.map((e) => e.currency))].sort();
    issues.push({
      kind: 'missing-fx',
      message: `No exchange rate to ${baseCurrency} for ${currencies.join(', ')}: ${excluded.length} position(s) left out of the stress.`,
      symbols: excluded.map((e) => e.symbol),
    });
  }
  if (overweight.length) {
    issues.push({ kind: 'weights-over-100', message: `Fund holdings add up to more than 100% for ${overweight.join(', ')}; weights were scaled down to 100%.`, symbols: overweight });
  }
  if (unclassified.size) {
    issues.push({ kind: 'unclassified', message: `${unclassified.size} security(ies) have no sector, industry or theme; only market and asset-class shocks can reach them.`, symbols: [...unclassified].sort() });
  }
  return { baseCurrency, positions: book, excluded, totalValue: valued.totalBaseValue, lookThrough, issues };
}
