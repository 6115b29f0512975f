import type { SecurityType } from './reference';

/**
 * How a fund the bundled ETF master does not know classifies itself from a market-data refresh: Yahoo's quote type and
 * its Morningstar-style fund category ("Large Growth", "Intermediate Core Bond", "Technology") mapped to an asset class
 * (the security type) and a sector (GICS, or the master's non-GICS buckets 'Multi-Sector', 'Fixed Income',
 * 'Commodities', 'Cash & Equivalents'). The category itself becomes the fund's industry, as the master's `category`
 * does. Leveraged and inverse ("Trading--") funds are left unclassified on purpose: a market shock at 1× would
 * understate them, so they stay visible as unclassified until `shared/domain/leveraged-etfs.ts` lists them.
 */
export interface FundProfileFacts {
  /** Yahoo's quoteType: ETF, MUTUALFUND, MONEYMARKET, EQUITY… */
  quoteType: string | null;
  /** Yahoo's fundProfile.categoryName (or defaultKeyStatistics.category). */
  category: string | null;
  /** topHoldings.sectorWeightings flattened: Yahoo sector key → fraction of the fund. */
  sectorWeights?: Record<string, number>;
  /** topHoldings.bondPosition and stockPosition, fractions of the fund. */
  bondPosition?: number | null;
  stockPosition?: number | null;
}

export interface FundClassification {
  type: SecurityType;
  sector: string | null;
  /** The fund category as Yahoo names it, kept as the industry (the master's `category`). */
  industry: string | null;
  /** Why, for the classification's notes: "Yahoo fund category 'Technology' → Information Technology". */
  reason: string;
}

/** Yahoo's topHoldings sector keys → GICS sectors. */
export const YAHOO_SECTOR_KEYS: Record<string, string> = {
  technology: 'Information Technology',
  healthcare: 'Health Care',
  financial_services: 'Financials',
  consumer_cyclical: 'Consumer Discretionary',
  consumer_defensive: 'Consumer Staples',
  basic_materials: 'Materials',
  communication_services: 'Communication Services',
  energy: 'Energy',
  industrials: 'Industrials',
  realestate: 'Real Estate',
  utilities: 'Utilities',
};

/** Single-sector fund categories → GICS sector (exact category names, case-insensitive). */
const SECTOR_CATEGORIES: Record<string, string> = {
  technology: 'Information Technology',
  health: 'Health Care',
  financial: 'Financials',
  'equity energy': 'Energy',
  'energy limited partnership': 'Energy',
  'natural resources': 'Materials',
  'equity precious metals': 'Materials',
  'real estate': 'Real Estate',
  'global real estate': 'Real Estate',
  utilities: 'Utilities',
  communications: 'Communication Services',
  'consumer cyclical': 'Consumer Discretionary',
  'consumer defensive': 'Consumer Staples',
  industrials: 'Industrials',
};

const BOND_WORDS =
  /\bbond\b|treasury|government|\bmuni|corporate|high yield|inflation-protected|bank loan|ultrashort|multisector|securitized|short-term|intermediate core|preferred stock|emerging-markets local-currency|nontraditional/i;
const COMMODITY_WORDS = /^commodities|digital assets|^trading--miscellaneous/i;
const MONEY_MARKET_WORDS = /money market/i;

/** A sector fund by its holdings when the category does not say: one GICS sector of at least this share. */
const SECTOR_FUND_SHARE = 0.6;

/** Classifies a fund from its market-data profile, or null when the profile is not a fund's or says too little. */
export function classifyFundProfile(facts: FundProfileFacts): FundClassification | null {
  const quoteType = (facts.quoteType ?? '').toUpperCase();
  if (quoteType !== 'ETF' && quoteType !== 'MUTUALFUND' && quoteType !== 'MONEYMARKET') return null;
  const baseType: SecurityType = quoteType === 'ETF' ? 'etf' : quoteType === 'MONEYMARKET' ? 'money-market' : 'mutual-fund';
  const category = facts.category?.trim() || null;
  const from = category ? `Yahoo fund category '${category}'` : `Yahoo quote type ${quoteType}`;
  if (quoteType === 'MONEYMARKET' || (category && MONEY_MARKET_WORDS.test(category)))
    return { type: 'money-market', sector: 'Cash & Equivalents', industry: category, reason: `${from} → money market (cash equivalent)` };
  if (category && /^trading--(leveraged|inverse)/i.test(category))
    return {
      type: baseType,
      sector: null,
      industry: null,
      reason: `${from}: a leveraged or inverse fund, left unclassified (a 1× market shock would understate it)`,
    };
  if (category) {
    const sector = SECTOR_CATEGORIES[category.toLowerCase()];
    if (sector) return { type: baseType, sector, industry: category, reason: `${from} → ${sector}` };
    if (COMMODITY_WORDS.test(category))
      return { type: baseType, sector: 'Commodities', industry: category, reason: `${from} → Commodities` };
    if (BOND_WORDS.test(category))
      return { type: 'bond-fund', sector: 'Fixed Income', industry: category, reason: `${from} → bond fund (Fixed Income)` };
  }
  // No telling category: the holdings decide. Mostly bonds → a bond fund; one sector of ≥ 60% → that sector.
  if ((facts.bondPosition ?? 0) >= 0.8 && (facts.stockPosition ?? 0) < 0.2)
    return {
      type: 'bond-fund',
      sector: 'Fixed Income',
      industry: category,
      reason: `${from}; ${pct(facts.bondPosition!)} bonds → bond fund`,
    };
  const top = Object.entries(facts.sectorWeights ?? {})
    .filter(([key]) => YAHOO_SECTOR_KEYS[key])
    .sort((a, b) => b[1] - a[1])[0];
  if (top && top[1] >= SECTOR_FUND_SHARE) {
    const sector = YAHOO_SECTOR_KEYS[top[0]];
    return { type: baseType, sector, industry: category, reason: `${from}; ${pct(top[1])} ${sector} → ${sector}` };
  }
  if (!category && !top) return null;
  return { type: baseType, sector: 'Multi-Sector', industry: category, reason: `${from} → Multi-Sector` };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
