import { indexFundStandIns } from '../domain/index-funds';

/**
 * Which price series stands in for a group (docs/stress-semantics.md §7–8). Configurable per run; the defaults are the eleven
 * Select Sector SPDRs by GICS sector, SMH for semiconductors, SPY for the market.
 */
export interface ProxyConfig {
  /** Lower-case sector name → fund symbol. */
  sectorFunds: Record<string, string>;
  /** Lower-case industry name → fund symbol. */
  industryFunds: Record<string, string>;
  market: string;
  /** Theme id (lower-case) → member symbols, for equal-weight theme baskets. */
  themeMembers: Record<string, readonly string[]>;
}

export const DEFAULT_SECTOR_FUNDS: Record<string, string> = {
  'information technology': 'XLK',
  financials: 'XLF',
  energy: 'XLE',
  'health care': 'XLV',
  'consumer discretionary': 'XLY',
  'consumer staples': 'XLP',
  industrials: 'XLI',
  materials: 'XLB',
  utilities: 'XLU',
  'real estate': 'XLRE',
  'communication services': 'XLC',
};

// No bundled fund tracks semiconductor equipment alone; SOXX would be a near-copy of SMH (daily correlation ≈ 0.98),
// and two near-collinear proxies make the individual betas unstable, so that industry has no default proxy.
export const DEFAULT_INDUSTRY_FUNDS: Record<string, string> = {
  semiconductors: 'SMH',
};

/** The default proxies, with theme memberships from the reference data. */
export function defaultProxies(themeMembers: Record<string, readonly string[]> = {}): ProxyConfig {
  return { sectorFunds: DEFAULT_SECTOR_FUNDS, industryFunds: DEFAULT_INDUSTRY_FUNDS, market: 'SPY', themeMembers };
}

/** Stand-ins for one security in order of preference: its industry's fund, its sector's fund, the market. */
export function standInsFor(
  key: { match: { industry: string; sector: string }; symbol: string },
  config: ProxyConfig,
): { symbol: string; why: string }[] {
  const out: { symbol: string; why: string }[] = [];
  const industry = config.industryFunds[key.match.industry];
  if (industry) out.push({ symbol: industry, why: "its industry's fund" });
  const sector = config.sectorFunds[key.match.sector];
  if (sector && sector !== industry) out.push({ symbol: sector, why: "its sector's fund" });
  out.push({ symbol: config.market, why: 'the market' });
  return out.filter((p) => p.symbol.toUpperCase() !== key.symbol.toUpperCase());
}

/**
 * Every symbol whose closes a run on these securities may read: each security's own, the stand-in ETF of each index fund
 * (VOO for VFIAX: replayed with its history when the fund has none, before any sector or market fund), every proxy
 * the configuration names (sector and industry funds, the market, theme members), and `named` (the symbols a
 * scenario's shocks name: propagation reads a shocked symbol's own closes, held or not).
 */
export function historySymbols(
  keys: readonly { match: { symbol: string } }[],
  config: ProxyConfig,
  named: readonly string[] = [],
): string[] {
  const held = keys.map((k) => k.match.symbol);
  const symbols = new Set<string>([...named.map((s) => s.trim().toUpperCase()), ...held, ...indexFundStandIns(held)]);
  for (const s of [...Object.values(config.sectorFunds), ...Object.values(config.industryFunds), config.market])
    symbols.add(s.toUpperCase());
  for (const list of Object.values(config.themeMembers)) for (const s of list) symbols.add(s.toUpperCase());
  return [...symbols];
}
