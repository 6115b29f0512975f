import { minorUnit } from '../domain/valuation';
/** Security identifiers and currency codes as brokers write them inside cells. */

const ISIN_SHAPE = /\b[A-Z]{2}[A-Z0-9]{9}\d\b/g;

/** Whether a 12-character code is an ISIN: two letters, nine letters or digits, and a check digit that agrees (Luhn). */
export function isIsin(code: string): boolean {
  if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(code)) return false;
  let digits = '';
  for (const c of code.slice(0, 11)) digits += c >= 'A' ? String(c.charCodeAt(0) - 55) : c;
  let sum = 0;
  // From the right, every second digit (starting with the last one of the body) is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10 === Number(code[11]);
}

/** The first ISIN inside a cell ("iShares Core MSCI World / IE00B4L5Y983", "(IE00B4L5Y983)"), or null. */
export function isinIn(text: string): string | null {
  if (text.length < 12) return null;
  for (const m of text.toUpperCase().matchAll(ISIN_SHAPE)) if (isIsin(m[0])) return m[0];
  return null;
}

// Words written in parentheses after a security's name that are not its ticker: share classes, kinds of security,
// legal forms.
const NOT_TICKERS = new Set(
  'ACC ACCU ACCUM DIST DIS INC HDG HEDGED ETF ETC ETN ADR ADS GDR CDI REIT UCITS PLC AG SA NV SE LTD LLC CORP NEW OLD'.split(' '),
);

/**
 * A ticker written in parentheses at the end of a holding's name ("S&P 500 UCITS ETF - Accumulating (VUAG)", as
 * Vanguard UK writes it): the ticker and the name before it, or null. A currency in the parentheses ("… Fund (GBP)",
 * a share class) is no ticker, nor is a share class or a kind of security ("(ACC)", "(DIST)", "(ADR)").
 */
export function tickerInName(text: string): { ticker: string; name: string } | null {
  if (!text.endsWith(')')) return null;
  const m = /^(.*?\S)\s*\(([A-Z][A-Z0-9]{1,5})\)$/.exec(text);
  if (!m || isCurrencyCell(m[2]) || NOT_TICKERS.has(m[2])) return null;
  return { ticker: m[2], name: m[1] };
}

/** A symbol written with its quote currency, "AMD/USD" or "BTC/EUR": the symbol and the currency, or null. */
export function splitPair(text: string): { symbol: string; currency: string } | null {
  const m = /^([A-Za-z0-9.-]{1,12})\s*\/\s*([A-Z]{3})$/.exec(text);
  return m ? { symbol: m[1], currency: m[2] } : null;
}

// Other ways brokers write a currency: "CAN" and "C$" for CAD, "€" for EUR, "SKR" for SEK…
const CURRENCY_ALIASES: Record<string, string> = {
  CAN: 'CAD',
  CDN: 'CAD',
  C$: 'CAD',
  CA$: 'CAD',
  US$: 'USD',
  US: 'USD',
  'U.S. DOLLAR': 'USD',
  'US DOLLAR': 'USD',
  DOLLAR: 'USD',
  '€': 'EUR',
  EURO: 'EUR',
  EUROS: 'EUR',
  '£': 'GBP',
  'GB£': 'GBP',
  STERLING: 'GBP',
  GBPENCE: 'GBX',
  'GBP PENCE': 'GBX',
  PENCE: 'GBX',
  SKR: 'SEK',
  KRONOR: 'SEK',
  DKR: 'DKK',
  NKR: 'NOK',
  SFR: 'CHF',
  'FR.': 'CHF',
  A$: 'AUD',
  AUS: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  YEN: 'JPY',
  '¥': 'JPY',
  RMB: 'CNY',
  R$: 'BRL',
  ZŁ: 'PLN',
  ZL: 'PLN',
};

/** The ISO code of a currency cell ("usd", "CAN", "€"), or null when it names none. */
export function currencyCode(cell: string): string | null {
  if (cell === '') return null;
  // Case matters for minor units: market data writes pence as `GBp` (GBP is pounds) and South African cents as `ZAc`;
  // a minor unit is kept as written, and the import turns its prices into the major currency.
  if (minorUnit(cell.trim())) return cell.trim();
  // The common case first: a code already written as one ("USD").
  if (cell.length === 3 && /^[A-Z]{3}$/.test(cell) && CURRENCY_ALIASES[cell] === undefined) return cell;
  const text = cell.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(text)) return CURRENCY_ALIASES[text] ?? text;
  return CURRENCY_ALIASES[text] ?? null;
}

// ISO 4217 codes brokers' files use, for telling a column of currencies from one of tickers (BTC, ING and AMD are not;
// ISK is left out: it is far more often Sweden's investment savings account than Iceland's krona).
const COMMON_CURRENCIES = new Set(
  'USD EUR GBP GBX CHF SEK NOK DKK CAD AUD NZD JPY HKD SGD CNY CNH PLN CZK HUF RON TRY ZAR BRL MXN INR ILS KRW TWD THB MYR IDR PHP AED SAR'.split(
    ' ',
  ),
);

/** Whether a cell is a common currency code ("USD", "CAN"), not merely three capitals. */
export function isCurrencyCell(cell: string): boolean {
  const code = currencyCode(cell);
  return code !== null && COMMON_CURRENCIES.has(code);
}

// The currency each market's listings trade in, by the suffix market data gives the listing ("NESN.SW" is in francs).
// London (.L) is left out: its prices are written in pence by some (market data) and in pounds by others.
const LISTING_CURRENCY: Record<string, string> = {
  SW: 'CHF',
  TO: 'CAD',
  V: 'CAD',
  NE: 'CAD',
  AS: 'EUR',
  DE: 'EUR',
  F: 'EUR',
  PA: 'EUR',
  BR: 'EUR',
  MI: 'EUR',
  MC: 'EUR',
  VI: 'EUR',
  LS: 'EUR',
  IR: 'EUR',
  HE: 'EUR',
  ST: 'SEK',
  CO: 'DKK',
  OL: 'NOK',
  WA: 'PLN',
  AX: 'AUD',
  NZ: 'NZD',
  HK: 'HKD',
  T: 'JPY',
  SI: 'SGD',
};

/** The currency a listing trades in by its market suffix ("CHSPI.SW" → CHF), or null for none or an unknown one. */
export function listingCurrency(symbol: string): string | null {
  const dot = symbol.lastIndexOf('.');
  if (dot <= 0) return null;
  return LISTING_CURRENCY[symbol.slice(dot + 1).toUpperCase()] ?? null;
}

/**
 * The currency written inside a money cell ("89,162.28 SEK", "€35,761.54", "-€10.00", "CHF 12.50"), or null. A bare
 * "$" names none: it is the dollar of several countries. Checks a character or two before any pattern (per-row use).
 */
export function currencyInCell(cell: string): string | null {
  let start = 0;
  while (start < cell.length && (cell[start] === '-' || cell[start] === '+' || cell[start] === '(' || cell[start] === ' ')) start++;
  const first = cell[start];
  if (first === '€') return 'EUR';
  if (first === '£') return 'GBP';
  const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
  let end = cell.length;
  while (end > 0 && (cell[end - 1] === ' ' || cell[end - 1] === ')')) end--;
  const code = isUpper(first) ? cell.slice(start, start + 3) : isUpper(cell[end - 1]) ? cell.slice(end - 3, end) : '';
  return code.length === 3 && isCurrencyCell(code) ? currencyCode(code) : null;
}
