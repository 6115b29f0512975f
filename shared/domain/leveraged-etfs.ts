import type { Classification } from './reference';

/**
 * Leveraged and inverse ETFs (and ETNs): funds that target a fixed multiple of one day's move of an index or a single
 * security, reset every day. Under a hypothetical shock such a fund moves by its multiplier times its stand-in's
 * shocked move (floored at −100%); in a replay it moves by its own price history where it has one.
 *
 * Facts (ticker, name, issuer, underlying, stated daily target) from the issuers' public fund pages and product lists,
 * compiled 2026-12-03; facts only, no text copied (licence: not applicable, facts are not copyrightable):
 * - Direxion: direxion.com/leveraged-and-inverse-etfs (e.g. direxion.com/product/daily-semiconductor-bull-bear-3x-etfs:
 *   SOXL/SOXS "300%, or 300% of the inverse, of the performance of the ICE Semiconductor Index")
 * - ProShares: proshares.com/our-etfs/leveraged-and-inverse (e.g. /tqqq: "three times (3x) the daily performance of
 *   the Nasdaq-100 Index")
 * - GraniteShares: graniteshares.com/institutional/us/en-us/etfs (NVDL launched Dec 2022 as "1.5x Long NVDA"; its
 *   stated target has been 2x since; some data vendors still show the old name — check the issuer's page)
 * - T-Rex / REX Shares: rexshares.com (MSTU, MSTZ, TSLT, NVDX, NVDQ); Defiance: defianceetfs.com (MSTX, SMCX, RGTX,
 *   IONX, HOOX); Tradr: tradretfs.com (TSLQ, NVDS); Volatility Shares: volatilityshares.com (BITX, ETHU);
 *   MicroSectors: microsectors.com (FNGU, FNGD)
 * Left out on purpose: ProShares Ultra Semiconductors, whose ticker USD is also how brokers name US-dollar cash.
 * The stand-in is the liquid ETF (or the stock itself) whose shocked move stands in for the underlying: its holdings
 * and classification are what a scenario's shocks reach.
 */
export interface LeveragedEtf {
  symbol: string;
  name: string;
  issuer: string;
  /** The index or security whose daily move the fund multiplies. */
  underlying: string;
  /** Stated daily target: 3 for "3x", −1 for an inverse fund. */
  multiplier: number;
  /** The symbol whose shocked move stands in for the underlying (SOXL → SOXX). */
  standIn: string;
  /** The issuer page the facts come from, and when it was read. */
  source: string;
  asOf: string;
}

export const LEVERAGED_ETFS_AS_OF = '2026-12-03';
export const LEVERAGED_ETFS_SOURCE =
  "Issuers' fund pages (Direxion, ProShares, GraniteShares, T-Rex, Defiance, Tradr, Volatility Shares, MicroSectors), compiled 2026-12-03";

/** Where each issuer's rows come from, and when they were read. */
export const LEVERAGED_ETF_SOURCES: Readonly<Record<string, { url: string; asOf: string }>> = {
  Direxion: { url: 'https://www.direxion.com/leveraged-and-inverse-etfs', asOf: LEVERAGED_ETFS_AS_OF },
  ProShares: { url: 'https://www.proshares.com/our-etfs/leveraged-and-inverse', asOf: LEVERAGED_ETFS_AS_OF },
  GraniteShares: { url: 'https://graniteshares.com/institutional/us/en-us/etfs/', asOf: LEVERAGED_ETFS_AS_OF },
  'T-Rex (REX Shares)': { url: 'https://www.rexshares.com/', asOf: LEVERAGED_ETFS_AS_OF },
  Defiance: { url: 'https://www.defianceetfs.com/', asOf: LEVERAGED_ETFS_AS_OF },
  Tradr: { url: 'https://www.tradretfs.com/', asOf: LEVERAGED_ETFS_AS_OF },
  'Volatility Shares': { url: 'https://www.volatilityshares.com/', asOf: LEVERAGED_ETFS_AS_OF },
  MicroSectors: { url: 'https://www.microsectors.com/', asOf: LEVERAGED_ETFS_AS_OF },
};

type Row = [symbol: string, name: string, underlying: string, multiplier: number, standIn: string];
const ROWS: Record<string, Row[]> = {
  Direxion: [
    ['SOXL', 'Direxion Daily Semiconductor Bull 3X Shares', 'ICE Semiconductor Index', 3, 'SOXX'],
    ['SOXS', 'Direxion Daily Semiconductor Bear 3X Shares', 'ICE Semiconductor Index', -3, 'SOXX'],
    ['TECL', 'Direxion Daily Technology Bull 3X Shares', 'Technology Select Sector Index', 3, 'XLK'],
    ['TECS', 'Direxion Daily Technology Bear 3X Shares', 'Technology Select Sector Index', -3, 'XLK'],
    ['SPXL', 'Direxion Daily S&P 500 Bull 3X Shares', 'S&P 500 Index', 3, 'SPY'],
    ['SPXS', 'Direxion Daily S&P 500 Bear 3X Shares', 'S&P 500 Index', -3, 'SPY'],
    ['TNA', 'Direxion Daily Small Cap Bull 3X Shares', 'Russell 2000 Index', 3, 'IWM'],
    ['TZA', 'Direxion Daily Small Cap Bear 3X Shares', 'Russell 2000 Index', -3, 'IWM'],
    ['MIDU', 'Direxion Daily Mid Cap Bull 3X Shares', 'S&P MidCap 400 Index', 3, 'MDY'],
    ['FAS', 'Direxion Daily Financial Bull 3X Shares', 'Financial Select Sector Index', 3, 'XLF'],
    ['FAZ', 'Direxion Daily Financial Bear 3X Shares', 'Financial Select Sector Index', -3, 'XLF'],
    ['CURE', 'Direxion Daily Healthcare Bull 3X Shares', 'Health Care Select Sector Index', 3, 'XLV'],
    ['UTSL', 'Direxion Daily Utilities Bull 3X Shares', 'Utilities Select Sector Index', 3, 'XLU'],
    ['LABU', 'Direxion Daily S&P Biotech Bull 3X Shares', 'S&P Biotechnology Select Industry Index', 3, 'XBI'],
    ['LABD', 'Direxion Daily S&P Biotech Bear 3X Shares', 'S&P Biotechnology Select Industry Index', -3, 'XBI'],
    ['DPST', 'Direxion Daily Regional Banks Bull 3X Shares', 'S&P Regional Banks Select Industry Index', 3, 'KRE'],
    ['NAIL', 'Direxion Daily Homebuilders & Supplies Bull 3X Shares', 'Dow Jones U.S. Select Home Construction Index', 3, 'ITB'],
    ['RETL', 'Direxion Daily Retail Bull 3X Shares', 'S&P Retail Select Industry Index', 3, 'XRT'],
    ['WEBL', 'Direxion Daily Dow Jones Internet Bull 3X Shares', 'Dow Jones Internet Composite Index', 3, 'FDN'],
    ['DFEN', 'Direxion Daily Aerospace & Defense Bull 3X Shares', 'Dow Jones U.S. Select Aerospace & Defense Index', 3, 'ITA'],
    ['TMF', 'Direxion Daily 20+ Year Treasury Bull 3X Shares', 'ICE U.S. Treasury 20+ Year Bond Index', 3, 'TLT'],
    ['TMV', 'Direxion Daily 20+ Year Treasury Bear 3X Shares', 'ICE U.S. Treasury 20+ Year Bond Index', -3, 'TLT'],
    ['YINN', 'Direxion Daily FTSE China Bull 3X Shares', 'FTSE China 50 Index', 3, 'FXI'],
    ['YANG', 'Direxion Daily FTSE China Bear 3X Shares', 'FTSE China 50 Index', -3, 'FXI'],
    ['ERX', 'Direxion Daily Energy Bull 2X Shares', 'Energy Select Sector Index', 2, 'XLE'],
    ['ERY', 'Direxion Daily Energy Bear 2X Shares', 'Energy Select Sector Index', -2, 'XLE'],
    [
      'GUSH',
      'Direxion Daily S&P Oil & Gas Exp. & Prod. Bull 2X Shares',
      'S&P Oil & Gas Exploration & Production Select Industry Index',
      2,
      'XOP',
    ],
    [
      'DRIP',
      'Direxion Daily S&P Oil & Gas Exp. & Prod. Bear 2X Shares',
      'S&P Oil & Gas Exploration & Production Select Industry Index',
      -2,
      'XOP',
    ],
    ['NUGT', 'Direxion Daily Gold Miners Index Bull 2X Shares', 'NYSE Arca Gold Miners Index', 2, 'GDX'],
    ['DUST', 'Direxion Daily Gold Miners Index Bear 2X Shares', 'NYSE Arca Gold Miners Index', -2, 'GDX'],
    ['JNUG', 'Direxion Daily Junior Gold Miners Index Bull 2X Shares', 'MVIS Global Junior Gold Miners Index', 2, 'GDXJ'],
    ['NVDU', 'Direxion Daily NVDA Bull 2X Shares', 'NVIDIA Corporation (NVDA)', 2, 'NVDA'],
    ['NVDD', 'Direxion Daily NVDA Bear 1X Shares', 'NVIDIA Corporation (NVDA)', -1, 'NVDA'],
    ['TSLL', 'Direxion Daily TSLA Bull 2X Shares', 'Tesla, Inc. (TSLA)', 2, 'TSLA'],
    ['TSLS', 'Direxion Daily TSLA Bear 1X Shares', 'Tesla, Inc. (TSLA)', -1, 'TSLA'],
    ['AAPU', 'Direxion Daily AAPL Bull 2X Shares', 'Apple Inc. (AAPL)', 2, 'AAPL'],
    ['AAPD', 'Direxion Daily AAPL Bear 1X Shares', 'Apple Inc. (AAPL)', -1, 'AAPL'],
    ['AMZU', 'Direxion Daily AMZN Bull 2X Shares', 'Amazon.com, Inc. (AMZN)', 2, 'AMZN'],
    ['AMZD', 'Direxion Daily AMZN Bear 1X Shares', 'Amazon.com, Inc. (AMZN)', -1, 'AMZN'],
    ['MSFU', 'Direxion Daily MSFT Bull 2X Shares', 'Microsoft Corporation (MSFT)', 2, 'MSFT'],
    ['MSFD', 'Direxion Daily MSFT Bear 1X Shares', 'Microsoft Corporation (MSFT)', -1, 'MSFT'],
    ['GGLL', 'Direxion Daily GOOGL Bull 2X Shares', 'Alphabet Inc. Class A (GOOGL)', 2, 'GOOGL'],
    ['GGLS', 'Direxion Daily GOOGL Bear 1X Shares', 'Alphabet Inc. Class A (GOOGL)', -1, 'GOOGL'],
    ['METU', 'Direxion Daily META Bull 2X Shares', 'Meta Platforms, Inc. (META)', 2, 'META'],
    ['AVL', 'Direxion Daily AVGO Bull 2X Shares', 'Broadcom Inc. (AVGO)', 2, 'AVGO'],
    ['PLTU', 'Direxion Daily PLTR Bull 2X Shares', 'Palantir Technologies Inc. (PLTR)', 2, 'PLTR'],
    ['TSMX', 'Direxion Daily TSM Bull 2X Shares', 'Taiwan Semiconductor Manufacturing Co. ADR (TSM)', 2, 'TSM'],
    ['MUU', 'Direxion Daily MU Bull 2X Shares', 'Micron Technology, Inc. (MU)', 2, 'MU'],
  ],
  ProShares: [
    ['TQQQ', 'ProShares UltraPro QQQ', 'Nasdaq-100 Index', 3, 'QQQ'],
    ['SQQQ', 'ProShares UltraPro Short QQQ', 'Nasdaq-100 Index', -3, 'QQQ'],
    ['QLD', 'ProShares Ultra QQQ', 'Nasdaq-100 Index', 2, 'QQQ'],
    ['QID', 'ProShares UltraShort QQQ', 'Nasdaq-100 Index', -2, 'QQQ'],
    ['PSQ', 'ProShares Short QQQ', 'Nasdaq-100 Index', -1, 'QQQ'],
    ['UPRO', 'ProShares UltraPro S&P500', 'S&P 500 Index', 3, 'SPY'],
    ['SPXU', 'ProShares UltraPro Short S&P500', 'S&P 500 Index', -3, 'SPY'],
    ['SSO', 'ProShares Ultra S&P500', 'S&P 500 Index', 2, 'SPY'],
    ['SDS', 'ProShares UltraShort S&P500', 'S&P 500 Index', -2, 'SPY'],
    ['SH', 'ProShares Short S&P500', 'S&P 500 Index', -1, 'SPY'],
    ['UDOW', 'ProShares UltraPro Dow30', 'Dow Jones Industrial Average', 3, 'DIA'],
    ['SDOW', 'ProShares UltraPro Short Dow30', 'Dow Jones Industrial Average', -3, 'DIA'],
    ['DDM', 'ProShares Ultra Dow30', 'Dow Jones Industrial Average', 2, 'DIA'],
    ['DXD', 'ProShares UltraShort Dow30', 'Dow Jones Industrial Average', -2, 'DIA'],
    ['DOG', 'ProShares Short Dow30', 'Dow Jones Industrial Average', -1, 'DIA'],
    ['URTY', 'ProShares UltraPro Russell2000', 'Russell 2000 Index', 3, 'IWM'],
    ['SRTY', 'ProShares UltraPro Short Russell2000', 'Russell 2000 Index', -3, 'IWM'],
    ['UWM', 'ProShares Ultra Russell2000', 'Russell 2000 Index', 2, 'IWM'],
    ['TWM', 'ProShares UltraShort Russell2000', 'Russell 2000 Index', -2, 'IWM'],
    ['RWM', 'ProShares Short Russell2000', 'Russell 2000 Index', -1, 'IWM'],
    ['SSG', 'ProShares UltraShort Semiconductors', 'S&P Semiconductors Select Industry Index', -2, 'SOXX'],
    ['ROM', 'ProShares Ultra Technology', 'S&P Technology Select Sector Index', 2, 'XLK'],
    ['UYG', 'ProShares Ultra Financials', 'S&P Financial Select Sector Index', 2, 'XLF'],
    ['UBT', 'ProShares Ultra 20+ Year Treasury', 'ICE U.S. Treasury 20+ Year Index', 2, 'TLT'],
    ['TBT', 'ProShares UltraShort 20+ Year Treasury', 'ICE U.S. Treasury 20+ Year Index', -2, 'TLT'],
    ['TBF', 'ProShares Short 20+ Year Treasury', 'ICE U.S. Treasury 20+ Year Index', -1, 'TLT'],
    ['UCO', 'ProShares Ultra Bloomberg Crude Oil', 'Bloomberg WTI Crude Oil Subindex', 2, 'USO'],
    ['SCO', 'ProShares UltraShort Bloomberg Crude Oil', 'Bloomberg WTI Crude Oil Subindex', -2, 'USO'],
    ['BOIL', 'ProShares Ultra Bloomberg Natural Gas', 'Bloomberg Natural Gas Subindex', 2, 'UNG'],
    ['KOLD', 'ProShares UltraShort Bloomberg Natural Gas', 'Bloomberg Natural Gas Subindex', -2, 'UNG'],
    ['UGL', 'ProShares Ultra Gold', 'Bloomberg Gold Subindex', 2, 'GLD'],
    ['AGQ', 'ProShares Ultra Silver', 'Bloomberg Silver Subindex', 2, 'SLV'],
    ['UVXY', 'ProShares Ultra VIX Short-Term Futures ETF', 'S&P 500 VIX Short-Term Futures Index', 1.5, 'VXX'],
    ['SVXY', 'ProShares Short VIX Short-Term Futures ETF', 'S&P 500 VIX Short-Term Futures Index', -0.5, 'VXX'],
    ['BITU', 'ProShares Ultra Bitcoin ETF', 'Bloomberg Bitcoin Index', 2, 'IBIT'],
    ['SBIT', 'ProShares UltraShort Bitcoin ETF', 'Bloomberg Bitcoin Index', -2, 'IBIT'],
  ],
  GraniteShares: [
    ['NVDL', 'GraniteShares 2x Long NVDA Daily ETF', 'NVIDIA Corporation (NVDA)', 2, 'NVDA'],
    ['NVD', 'GraniteShares 2x Short NVDA Daily ETF', 'NVIDIA Corporation (NVDA)', -2, 'NVDA'],
    ['TSLR', 'GraniteShares 2x Long TSLA Daily ETF', 'Tesla, Inc. (TSLA)', 2, 'TSLA'],
    ['TSDD', 'GraniteShares 2x Short TSLA Daily ETF', 'Tesla, Inc. (TSLA)', -2, 'TSLA'],
    ['AMDL', 'GraniteShares 2x Long AMD Daily ETF', 'Advanced Micro Devices, Inc. (AMD)', 2, 'AMD'],
    ['CONL', 'GraniteShares 2x Long COIN Daily ETF', 'Coinbase Global, Inc. (COIN)', 2, 'COIN'],
    ['FBL', 'GraniteShares 2x Long META Daily ETF', 'Meta Platforms, Inc. (META)', 2, 'META'],
    ['AAPB', 'GraniteShares 2x Long AAPL Daily ETF', 'Apple Inc. (AAPL)', 2, 'AAPL'],
    ['PTIR', 'GraniteShares 2x Long PLTR Daily ETF', 'Palantir Technologies Inc. (PLTR)', 2, 'PLTR'],
  ],
  'T-Rex (REX Shares)': [
    ['MSTU', 'T-Rex 2X Long MSTR Daily Target ETF', 'Strategy Inc (MSTR)', 2, 'MSTR'],
    ['MSTZ', 'T-Rex 2X Inverse MSTR Daily Target ETF', 'Strategy Inc (MSTR)', -2, 'MSTR'],
    ['TSLT', 'T-Rex 2X Long Tesla Daily Target ETF', 'Tesla, Inc. (TSLA)', 2, 'TSLA'],
    ['NVDX', 'T-Rex 2X Long NVIDIA Daily Target ETF', 'NVIDIA Corporation (NVDA)', 2, 'NVDA'],
    ['NVDQ', 'T-Rex 2X Inverse NVIDIA Daily Target ETF', 'NVIDIA Corporation (NVDA)', -2, 'NVDA'],
  ],
  Defiance: [
    ['MSTX', 'Defiance Daily Target 2X Long MSTR ETF', 'Strategy Inc (MSTR)', 2, 'MSTR'],
    ['SMCX', 'Defiance Daily Target 2X Long SMCI ETF', 'Super Micro Computer, Inc. (SMCI)', 2, 'SMCI'],
    ['RGTX', 'Defiance Daily Target 2X Long RGTI ETF', 'Rigetti Computing, Inc. (RGTI)', 2, 'RGTI'],
    ['IONX', 'Defiance Daily Target 2X Long IONQ ETF', 'IonQ, Inc. (IONQ)', 2, 'IONQ'],
    ['HOOX', 'Defiance Daily Target 2X Long HOOD ETF', 'Robinhood Markets, Inc. (HOOD)', 2, 'HOOD'],
  ],
  Tradr: [
    ['TSLQ', 'Tradr 2X Short TSLA Daily ETF', 'Tesla, Inc. (TSLA)', -2, 'TSLA'],
    ['NVDS', 'Tradr 1.5X Short NVDA Daily ETF', 'NVIDIA Corporation (NVDA)', -1.5, 'NVDA'],
  ],
  'Volatility Shares': [
    ['BITX', '2x Bitcoin Strategy ETF', 'Bitcoin (CME bitcoin futures)', 2, 'IBIT'],
    ['ETHU', '2x Ether ETF', 'Ether (CME ether futures)', 2, 'ETHA'],
  ],
  MicroSectors: [
    ['FNGU', 'MicroSectors FANG+ 3X Leveraged ETN', 'NYSE FANG+ Index', 3, 'FNGS'],
    ['FNGD', 'MicroSectors FANG+ -3X Inverse Leveraged ETN', 'NYSE FANG+ Index', -3, 'FNGS'],
  ],
};

/** Every bundled leveraged or inverse fund by ticker. */
export const LEVERAGED_ETFS: Readonly<Record<string, LeveragedEtf>> = Object.fromEntries(
  Object.entries(ROWS).flatMap(([issuer, rows]) =>
    rows.map(([symbol, name, underlying, multiplier, standIn]) => [
      symbol,
      {
        symbol,
        name,
        issuer,
        underlying,
        multiplier,
        standIn,
        source: LEVERAGED_ETF_SOURCES[issuer]?.url ?? '',
        asOf: LEVERAGED_ETF_SOURCES[issuer]?.asOf ?? '',
      },
    ]),
  ),
);

/** The leveraged or inverse fund a symbol is, if the bundled list knows it. */
export function leveragedEtf(symbol: string): LeveragedEtf | null {
  return LEVERAGED_ETFS[symbol.toUpperCase()] ?? null;
}

/**
 * The classification of a listed leveraged fund the security master lacks: named by the list, and placed in its
 * stand-in's sector and industry (SOXL with SOXX in Semiconductors) so views and checks group it where its risk is.
 */
export function leveragedClassification(etf: LeveragedEtf, standIn?: Classification): Classification {
  return {
    symbol: etf.symbol,
    name: etf.name,
    type: 'etf',
    sector: standIn?.sector ?? null,
    industry: standIn?.industry ?? null,
    country: standIn?.country ?? null,
    currency: 'USD',
    exchange: null,
    isin: null,
    themes: [],
    sources: {
      name: 'bundled',
      type: 'bundled',
      ...(standIn?.sector ? { sector: 'bundled' as const } : {}),
      ...(standIn?.industry ? { industry: 'bundled' as const } : {}),
      ...(standIn?.country ? { country: 'bundled' as const } : {}),
    },
    asOf: etf.asOf,
  };
}

/** "3×", "−1×", "1.5×": a daily multiplier as people write it. */
export function multiplierText(multiplier: number): string {
  return `${multiplier < 0 ? '−' : ''}${Math.abs(multiplier)}×`;
}

/** The stand-ins of the leveraged funds among `symbols`, which the engine needs classified too. */
export function leveragedStandIns(symbols: readonly string[]): string[] {
  return [...new Set(symbols.map((s) => leveragedEtf(s)?.standIn).filter((s): s is string => !!s))];
}
