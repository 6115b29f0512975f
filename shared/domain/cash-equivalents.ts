/**
 * Money-market, sweep and Treasury-bill funds: cash equivalents, held at (about) $1 a share or priced off bills that
 * mature within months. They are cash for the stress (asset class `cash`): a market or equity shock never moves them.
 *
 * List as of 2026-12-03, from the issuers' fund pages (names as the issuer gives them):
 * - Fidelity money market funds: fidelity.com/mutual-funds/fidelity-fund-portfolios/money-market-funds
 * - Schwab money funds: schwabassetmanagement.com/products/money-fund (SNAXX is now "Schwab Prime Advantage Money
 *   Fund – Ultra Shares", ISIN US8085156961; SWVXX "Schwab Value Advantage Money Fund – Investor Shares", US8085156052)
 * - Vanguard money market funds: investor.vanguard.com/investment-products/money-markets
 * - T-bill ETFs: ishares.com (SGOV 0-3 Month Treasury Bond, SHV Short Treasury Bond, TFLO Treasury Floating Rate Bond),
 *   ssga.com (BIL Bloomberg 1-3 Month T-Bill, BILS 3-12 Month T-Bill), wisdomtree.com (USFR Floating Rate Treasury),
 *   globalxetfs.com (CLIP 1-3 Month T-Bill), ustreasuryetf.com (TBIL 3 Month Bill), gsam.com (GBIL Access Treasury 0-1 Year).
 * The same symbols are in scripts/reference-data/curated-securities.json (type money-market), so the security master agrees.
 */
export const CASH_EQUIVALENTS: Readonly<Record<string, string>> = {
  // Fidelity
  SPAXX: 'Fidelity Government Money Market Fund',
  FDRXX: 'Fidelity Government Cash Reserves',
  FZFXX: 'Fidelity Treasury Money Market Fund',
  SPRXX: 'Fidelity Money Market Fund',
  FZDXX: 'Fidelity Money Market Fund Premium Class',
  FDLXX: 'Fidelity Treasury Only Money Market Fund',
  FTEXX: 'Fidelity Municipal Money Market Fund',
  // Schwab
  SNAXX: 'Schwab Prime Advantage Money Fund – Ultra Shares',
  SWVXX: 'Schwab Value Advantage Money Fund – Investor Shares',
  SNSXX: 'Schwab U.S. Treasury Money Fund – Investor Shares',
  SNVXX: 'Schwab Government Money Fund – Investor Shares',
  SNOXX: 'Schwab Treasury Obligations Money Fund – Investor Shares',
  SWTXX: 'Schwab Municipal Money Fund – Investor Shares',
  SWOXX: 'Schwab Municipal Money Fund – Ultra Shares',
  SWKXX: 'Schwab California Municipal Money Fund – Investor Shares',
  SWYXX: 'Schwab New York Municipal Money Fund – Investor Shares',
  SWWXX: 'Schwab AMT Tax-Free Money Fund – Investor Shares',
  // Vanguard
  VMFXX: 'Vanguard Federal Money Market Fund',
  VMRXX: 'Vanguard Cash Reserves Federal Money Market Fund Admiral Shares',
  VUSXX: 'Vanguard Treasury Money Market Fund',
  VMSXX: 'Vanguard Municipal Money Market Fund',
  // Treasury-bill and floating-rate Treasury ETFs
  SGOV: 'iShares 0-3 Month Treasury Bond ETF',
  BIL: 'SPDR Bloomberg 1-3 Month T-Bill ETF',
  BILS: 'SPDR Bloomberg 3-12 Month T-Bill ETF',
  SHV: 'iShares Short Treasury Bond ETF',
  USFR: 'WisdomTree Floating Rate Treasury Fund',
  TFLO: 'iShares Treasury Floating Rate Bond ETF',
  CLIP: 'Global X 1-3 Month T-Bill ETF',
  TBIL: 'US Treasury 3 Month Bill ETF',
  GBIL: 'Goldman Sachs Access Treasury 0-1 Year ETF',
};

// Brokers' own wording for a sweep or money fund, for funds the list does not name ("SCHWAB US TREASURY MONEY INVESTOR").
const CASH_EQUIVALENT_NAME =
  /money market|money fund|\bmoney (inv|investor|ultra|fd)\b|treasury money|govt? money|cash reserves|cash sweep|sweep (fund|account)|\bmmf\b|bank deposit sweep|fdic.insured deposit/i;

/** The listed symbols as a set: asked once per row of an import, where a lookup by property cost more. */
const CASH_SYMBOLS: ReadonlySet<string> = new Set(Object.keys(CASH_EQUIVALENTS));

/** Tells whether a holding is a cash equivalent: a listed money-market or T-bill fund, or one whose name says so. */
export function isCashEquivalent(symbol: string, name = ''): boolean {
  return CASH_SYMBOLS.has(symbol.toUpperCase()) || CASH_EQUIVALENT_NAME.test(name);
}
