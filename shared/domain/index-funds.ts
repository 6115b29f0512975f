import type { Classification, ClassificationLayer, FundHoldings } from './reference';
import { majorCurrency } from './valuation';

/**
 * Index mutual funds, and the UCITS ETFs European investors hold most (FXAIX, VTSAX, SWPPX; VWRL, CSPX, IWDA…). The
 * bundled security master knows US ETFs, not these, so offline they were unclassified and no market or sector shock
 * reached them. Each is classified as, and looked through, its stand-in: the ETF of the master that follows the same
 * index (FXAIX, VFIAX and CSPX with VOO, S&P 500), or, where no ETF there follows it, the closest broad one (FSKAX,
 * Dow Jones U.S. Total Stock Market, with VTI, CRSP US Total Market; IWDA, MSCI World, with ACWI) — said wherever the
 * stand-in is named. Vanguard's Admiral Shares and its ETFs are share classes of one fund (VFIAX and VOO), so those
 * stand-ins are the same portfolio. This is the `bundled` layer: a market-data refresh and your own classification
 * win over it, and fund holdings of its own (from a refresh) over the stand-in's.
 *
 * Facts (ticker, name, issuer, index followed) from the issuers' public fund pages, compiled 2026-12-06; facts only,
 * no text copied (licence: not applicable, facts are not copyrightable):
 * - Fidelity: fundresearch.fidelity.com/mutual-funds (e.g. FXAIX "seeks to provide investment results that
 *   correspond to the total return performance of common stocks publicly traded in the United States", S&P 500)
 * - Vanguard: investor.vanguard.com/investment-products/list/mutual-funds (Admiral Shares; each fund's "Benchmark")
 * - Schwab: schwabassetmanagement.com/products/mutual-funds (each fund's index)
 * - UCITS ETFs: the listings of scripts/reference-data/ucits-listings.json (Vanguard, iShares, SPDR and Invesco UK
 *   fund pages, as of 2026-12-05), and the index each fund's name states
 */
export interface IndexFund {
  symbol: string;
  name: string;
  issuer: 'Fidelity' | 'Vanguard' | 'Schwab' | 'iShares' | 'SPDR' | 'Invesco';
  /** A US index mutual fund, or a European (UCITS) listing of an index ETF. */
  vehicle: 'mutual fund' | 'UCITS ETF';
  /** The currency it trades in. */
  currency: string;
  /** The index the fund follows, as its issuer names it. */
  index: string;
  /** The ETF of the bundled master whose classification, holdings and duration stand in for the fund's. */
  standIn: string;
  /** The stand-in's index, when it is not the fund's own: then the stand-in is an approximation, and says so. */
  standInIndex?: string;
}

export const INDEX_FUNDS_AS_OF = '2026-12-06';

/** The currency every stand-in trades in: each is a US-listed ETF of the bundled master, priced in US dollars. */
export const STAND_IN_CURRENCY = 'USD';

type Row = [symbol: string, name: string, index: string, standIn: string, standInIndex?: string];

const FIDELITY: Row[] = [
  ['FXAIX', 'Fidelity 500 Index Fund', 'S&P 500', 'VOO'],
  ['FNILX', 'Fidelity ZERO Large Cap Index Fund', 'Fidelity U.S. Large Cap Index', 'VOO', 'S&P 500'],
  ['FSKAX', 'Fidelity Total Market Index Fund', 'Dow Jones U.S. Total Stock Market', 'VTI', 'CRSP US Total Market'],
  ['FZROX', 'Fidelity ZERO Total Market Index Fund', 'Fidelity U.S. Total Investable Market Index', 'VTI', 'CRSP US Total Market'],
  ['FTIHX', 'Fidelity Total International Index Fund', 'MSCI ACWI ex USA IMI', 'IXUS'],
  ['FZILX', 'Fidelity ZERO International Index Fund', 'Fidelity Global ex U.S. Index', 'VXUS', 'FTSE Global All Cap ex US'],
  ['FSPSX', 'Fidelity International Index Fund', 'MSCI EAFE', 'EFA'],
  ['FPADX', 'Fidelity Emerging Markets Index Fund', 'MSCI Emerging Markets', 'EEM'],
  ['FXNAX', 'Fidelity U.S. Bond Index Fund', 'Bloomberg US Aggregate', 'AGG'],
  ['FSMDX', 'Fidelity Mid Cap Index Fund', 'Russell Midcap', 'IWR'],
  ['FSSNX', 'Fidelity Small Cap Index Fund', 'Russell 2000', 'IWM'],
  ['FSPGX', 'Fidelity Large Cap Growth Index Fund', 'Russell 1000 Growth', 'IWF'],
  ['FLCOX', 'Fidelity Large Cap Value Index Fund', 'Russell 1000 Value', 'IWD'],
  ['FSRNX', 'Fidelity Real Estate Index Fund', 'MSCI US IMI Real Estate 25/25', 'VNQ', 'MSCI US IMI Real Estate 25/50'],
];

const VANGUARD: Row[] = [
  ['VFIAX', 'Vanguard 500 Index Fund Admiral Shares', 'S&P 500', 'VOO'],
  ['VTSAX', 'Vanguard Total Stock Market Index Fund Admiral Shares', 'CRSP US Total Market', 'VTI'],
  ['VTIAX', 'Vanguard Total International Stock Index Fund Admiral Shares', 'FTSE Global All Cap ex US', 'VXUS'],
  ['VTWAX', 'Vanguard Total World Stock Index Fund Admiral Shares', 'FTSE Global All Cap', 'VT'],
  ['VBTLX', 'Vanguard Total Bond Market Index Fund Admiral Shares', 'Bloomberg US Aggregate Float Adjusted', 'BND'],
  ['VIGAX', 'Vanguard Growth Index Fund Admiral Shares', 'CRSP US Large Cap Growth', 'VUG'],
  ['VVIAX', 'Vanguard Value Index Fund Admiral Shares', 'CRSP US Large Cap Value', 'VTV'],
  ['VIMAX', 'Vanguard Mid-Cap Index Fund Admiral Shares', 'CRSP US Mid Cap', 'VO'],
  ['VSMAX', 'Vanguard Small-Cap Index Fund Admiral Shares', 'CRSP US Small Cap', 'VB'],
  ['VGSLX', 'Vanguard Real Estate Index Fund Admiral Shares', 'MSCI US IMI Real Estate 25/50', 'VNQ'],
  ['VEMAX', 'Vanguard Emerging Markets Stock Index Fund Admiral Shares', 'FTSE Emerging Markets All Cap China A Inclusion', 'VWO'],
  ['VTMGX', 'Vanguard Developed Markets Index Fund Admiral Shares', 'FTSE Developed All Cap ex US', 'VEA'],
  ['VITAX', 'Vanguard Information Technology Index Fund Admiral Shares', 'MSCI US IMI Information Technology 25/50', 'VGT'],
  ['VLCAX', 'Vanguard Large-Cap Index Fund Admiral Shares', 'CRSP US Large Cap', 'VV'],
  ['VEXAX', 'Vanguard Extended Market Index Fund Admiral Shares', 'S&P Completion', 'VXF'],
  ['VMVAX', 'Vanguard Mid-Cap Value Index Fund Admiral Shares', 'CRSP US Mid Cap Value', 'VOE'],
  ['VMGMX', 'Vanguard Mid-Cap Growth Index Fund Admiral Shares', 'CRSP US Mid Cap Growth', 'VOT'],
  ['VSIAX', 'Vanguard Small-Cap Value Index Fund Admiral Shares', 'CRSP US Small Cap Value', 'VBR'],
  ['VSGAX', 'Vanguard Small-Cap Growth Index Fund Admiral Shares', 'CRSP US Small Cap Growth', 'VBK'],
  ['VDADX', 'Vanguard Dividend Appreciation Index Fund Admiral Shares', 'S&P U.S. Dividend Growers', 'VIG'],
  ['VHYAX', 'Vanguard High Dividend Yield Index Fund Admiral Shares', 'FTSE High Dividend Yield', 'VYM'],
  ['VFSAX', 'Vanguard FTSE All-World ex-US Small-Cap Index Fund Admiral Shares', 'FTSE Global Small Cap ex US', 'VSS'],
  ['VGRLX', 'Vanguard Global ex-U.S. Real Estate Index Fund Admiral Shares', 'S&P Global ex-U.S. Property', 'VNQI'],
  [
    'VTABX',
    'Vanguard Total International Bond Index Fund Admiral Shares',
    'Bloomberg Global Aggregate ex-USD Float Adjusted RIC Capped (USD Hedged)',
    'BNDX',
  ],
  ['VBIRX', 'Vanguard Short-Term Bond Index Fund Admiral Shares', 'Bloomberg U.S. 1-5 Year Government/Credit Float Adjusted', 'BSV'],
  [
    'VBILX',
    'Vanguard Intermediate-Term Bond Index Fund Admiral Shares',
    'Bloomberg U.S. 5-10 Year Government/Credit Float Adjusted',
    'BIV',
  ],
  ['VBLAX', 'Vanguard Long-Term Bond Index Fund Admiral Shares', 'Bloomberg U.S. Long Government/Credit Float Adjusted', 'BLV'],
  ['VSCSX', 'Vanguard Short-Term Corporate Bond Index Fund Admiral Shares', 'Bloomberg U.S. 1-5 Year Corporate', 'VCSH'],
  ['VICSX', 'Vanguard Intermediate-Term Corporate Bond Index Fund Admiral Shares', 'Bloomberg U.S. 5-10 Year Corporate', 'VCIT'],
  ['VSBSX', 'Vanguard Short-Term Treasury Index Fund Admiral Shares', 'Bloomberg US Treasury 1-3 Year', 'VGSH'],
  ['VSIGX', 'Vanguard Intermediate-Term Treasury Index Fund Admiral Shares', 'Bloomberg US Treasury 3-10 Year', 'VGIT'],
  ['VTAPX', 'Vanguard Short-Term Inflation-Protected Securities Index Fund Admiral Shares', 'Bloomberg U.S. TIPS 0-5 Year', 'VTIP'],
  ['VTEAX', 'Vanguard Tax-Exempt Bond Index Fund Admiral Shares', 'S&P National AMT-Free Municipal Bond', 'VTEB'],
];

const SCHWAB: Row[] = [
  ['SWPPX', 'Schwab S&P 500 Index Fund', 'S&P 500', 'VOO'],
  ['SWTSX', 'Schwab Total Stock Market Index Fund', 'Dow Jones U.S. Total Stock Market', 'VTI', 'CRSP US Total Market'],
  ['SWISX', 'Schwab International Index Fund', 'MSCI EAFE', 'EFA'],
  ['SWAGX', 'Schwab U.S. Aggregate Bond Index Fund', 'Bloomberg US Aggregate', 'AGG'],
  ['SWLGX', 'Schwab U.S. Large-Cap Growth Index Fund', 'Russell 1000 Growth', 'IWF'],
];

/**
 * The UCITS ETFs European investors hold most, with each listing (Yahoo symbol, trading currency) as in
 * scripts/reference-data/ucits-listings.json (its sources: the issuers' UK fund pages), and the bare London ticker
 * brokers such as Freetrade and Trading 212 write. Of the same index as a US ETF, they hold the same stocks.
 */
type UcitsRow = [
  name: string,
  issuer: IndexFund['issuer'],
  index: string,
  standIn: string,
  standInIndex: string | undefined,
  listings: string,
];

const UCITS: UcitsRow[] = [
  [
    'Vanguard FTSE All-World UCITS ETF (USD) Distributing',
    'Vanguard',
    'FTSE All-World',
    'VT',
    'FTSE Global All Cap',
    'VWRL.L GBP, VWRD.L USD, VWRL.AS EUR, VGWL.DE EUR, VWRL.MI EUR, VWRL.SW CHF, VWRL GBP',
  ],
  [
    'Vanguard FTSE All-World UCITS ETF (USD) Accumulating',
    'Vanguard',
    'FTSE All-World',
    'VT',
    'FTSE Global All Cap',
    'VWRA.L USD, VWRP.L GBP, VWCE.DE EUR, VWCE.AS EUR, VWCE.MI EUR, VWRP GBP',
  ],
  [
    'Vanguard S&P 500 UCITS ETF (USD) Distributing',
    'Vanguard',
    'S&P 500',
    'VOO',
    undefined,
    'VUSA.L GBP, VUSD.L USD, VUSA.AS EUR, VUSA.DE EUR, VUSA.MI EUR, VUSA GBP',
  ],
  [
    'Vanguard S&P 500 UCITS ETF (USD) Accumulating',
    'Vanguard',
    'S&P 500',
    'VOO',
    undefined,
    'VUAA.L USD, VUAG.L GBP, VUAA.DE EUR, VUAA.MI EUR, VUAG GBP',
  ],
  [
    'iShares Core S&P 500 UCITS ETF (Acc)',
    'iShares',
    'S&P 500',
    'VOO',
    undefined,
    'CSPX.L USD, CSP1.L GBP, CSPX.AS EUR, SXR8.DE EUR, CSP1 GBP',
  ],
  [
    'iShares Core MSCI World UCITS ETF (Acc)',
    'iShares',
    'MSCI World',
    'ACWI',
    'MSCI ACWI',
    'IWDA.L USD, SWDA.L GBP, IWDA.AS EUR, EUNL.DE EUR, SWDA GBP',
  ],
  ['SPDR S&P 500 UCITS ETF (Acc)', 'SPDR', 'S&P 500', 'VOO', undefined, 'SPYL.DE EUR'],
  ['Invesco EQQQ Nasdaq-100 UCITS ETF (Dist)', 'Invesco', 'Nasdaq-100', 'QQQ', undefined, 'EQQQ.L GBP, EQQQ.DE EUR, EQQQ GBP'],
];

const INDEX_FUNDS: ReadonlyMap<string, IndexFund> = new Map([
  ...(
    [
      ['Fidelity', FIDELITY],
      ['Vanguard', VANGUARD],
      ['Schwab', SCHWAB],
    ] as const
  ).flatMap(([issuer, rows]) =>
    rows.map(([symbol, name, index, standIn, standInIndex]): [string, IndexFund] => [
      symbol,
      { symbol, name, issuer, vehicle: 'mutual fund', currency: 'USD', index, standIn, ...(standInIndex && { standInIndex }) },
    ]),
  ),
  ...UCITS.flatMap(([name, issuer, index, standIn, standInIndex, listings]) =>
    listings.split(', ').map((listing): [string, IndexFund] => {
      const [symbol, currency] = listing.split(' ');
      return [symbol, { symbol, name, issuer, vehicle: 'UCITS ETF', currency, index, standIn, ...(standInIndex && { standInIndex }) }];
    }),
  ),
]);

/** The listed index fund (mutual fund or UCITS listing) of this symbol, or null. */
export function indexFund(symbol: string): IndexFund | null {
  return INDEX_FUNDS.get(symbol.toUpperCase()) ?? null;
}

/** Every listed index fund: each mutual fund, and each listing of a UCITS ETF. */
export function indexFunds(): IndexFund[] {
  return [...INDEX_FUNDS.values()];
}

/** Where an index fund's assets are priced: a US index in US dollars, a world index mostly so, an index "ex US" outside. */
export type AssetsCurrency = 'in US dollars' | 'mostly in US dollars' | 'in currencies other than the US dollar';

const OUTSIDE_US = /\bex[- ]?U\.?S|\bEAFE\b|\bEmerging\b/i;
const WORLD = /\bGlobal\b|\bWorld\b|\bAll-World\b|\bACWI\b/i;

/** The currency an index fund's holdings are priced in, read from the index it follows. */
export function assetsCurrency(fund: Pick<IndexFund, 'index'>): AssetsCurrency {
  if (OUTSIDE_US.test(fund.index)) return 'in currencies other than the US dollar';
  return WORLD.test(fund.index) ? 'mostly in US dollars' : 'in US dollars';
}

/**
 * An index fund whose holdings are priced in other currencies than the one it trades in (an S&P 500 UCITS ETF in
 * pounds, an international index fund in dollars): a currency shock reaches it through its trading currency, as
 * Aftershock moves every holding (docs/stress-semantics.md §4), not through what it holds. Null for any other symbol.
 */
export function tradingCurrencyMismatch(symbol: string, tradingCurrency: string): { fund: IndexFund; assets: AssetsCurrency } | null {
  const fund = indexFund(symbol);
  if (!fund) return null;
  const assets = assetsCurrency(fund);
  const tradesInDollars = majorCurrency(tradingCurrency) === 'USD';
  return (assets === 'in currencies other than the US dollar') === tradesInDollars ? { fund, assets } : null;
}

/** The stand-ins of the index funds among `symbols`. */
export function indexFundStandIns(symbols: readonly string[]): string[] {
  return [...new Set(symbols.map((s) => indexFund(s)?.standIn).filter((s): s is string => !!s))];
}

/** What an index fund is and where its figures come from, in a sentence. */
export function indexFundText(fund: IndexFund): string {
  return `${fund.name} (${fund.issuer}) is ${fund.vehicle === 'UCITS ETF' ? 'a UCITS ETF' : 'an index mutual fund'}: ${standInText(fund)}, so it is classified and stressed like ${fund.standIn}, and replayed with ${fund.standIn}'s history when it has none of its own.`;
}

/** "FXAIX follows the S&P 500, as VOO does" or "…; VTI (CRSP US Total Market) stands in": where its figures come from. */
export function standInText(fund: IndexFund): string {
  return fund.standInIndex
    ? `${fund.symbol} follows the ${fund.index}; ${fund.standIn} (${fund.standInIndex}) stands in for it`
    : `${fund.symbol} follows the ${fund.index}, as ${fund.standIn} does`;
}

/**
 * The bundled layer of an index fund: its own name, a mutual fund (a bond fund when its stand-in is one), and its
 * stand-in's sector, industry and country. Null when the stand-in is not classified.
 */
export function indexFundLayer(fund: IndexFund, standIn: Classification | undefined): ClassificationLayer | null {
  if (!standIn) return null;
  return {
    symbol: fund.symbol,
    source: 'bundled',
    name: fund.name,
    type: standIn.type === 'bond-fund' ? 'bond-fund' : fund.vehicle === 'UCITS ETF' ? 'etf' : 'mutual-fund',
    sector: standIn.sector,
    industry: standIn.industry,
    country: standIn.country,
    currency: fund.currency,
    exchange: null,
    isin: null,
    themesOverride: false,
    asOf: INDEX_FUNDS_AS_OF,
  };
}

/** The stand-in's holdings as the fund's, saying whose they are. */
export function indexFundHoldings(fund: IndexFund, standIn: FundHoldings): FundHoldings {
  return { ...standIn, fund: fund.symbol, source: `${standIn.fund}'s holdings (${standInText(fund)}); ${standIn.source}` };
}
