import { majorCurrency } from '../domain/valuation';
import { classifyAction, isRedemptionText, isReversalText, movesShares, sideBySign, sideLetter, signAmount, signQuantity } from './actions';
import { parseDate } from './dates';
import { headerNames } from './headers';
import { currencyCode, currencyInCell, isCurrencyCell, isinIn, listingCurrency, splitPair, tickerInName } from './identifiers';
import { readNumber } from './numbers';
import { occSymbol } from '../domain/options';
import { optionInRow } from './option-rows';
import { readTradeText, type TradeText } from './trade-text';
import { nameKey, securityNameIn, type NameMatch } from './names';
import type { Preset } from './presets';
import type { ColumnMapping, DecimalStyle, ImportField, ImportKind, ImportRecord, TxClass } from './types';

/** The outcome of reading one data row. */
export type RowReading =
  { kind: 'record'; record: ImportRecord } | { kind: 'invalid'; column: string; reason: string } | { kind: 'skipped'; reason: string };

/** What the row reader needs besides the cells. */
export interface RowContext {
  preset: Preset;
  kind: ImportKind;
  mapping: ColumnMapping;
  header: readonly string[];
  account: string;
  currency: string;
  asOf: string | null;
  resolveIsin?: (isin: string, currency?: string) => string | undefined;
  resolveName?: (name: string) => NameMatch;
  /** The file names no currency and none was chosen for it: a listing's market suffix gives its currency. */
  isCurrencyUnnamed?: boolean;
  /** Some money cells of the file write their currency ("50.00 SEK", "€10.00"): read it row by row. */
  hasCurrencyInCells?: boolean;
}

// What is left around an ISIN taken out of a name: separators and the word "ISIN" ("Vanguard FTSE All-World / ISIN …").
const NAME_TRIM = /^[\s/|,;:()-]+|[\s/|,;:()-]*(\bISIN\b)?[\s/|,;:()-]*$/gi;
const ISIN_SHAPE = /^[A-Z]{2}[A-Z0-9]{9}\d$/;
const SYMBOL = /^[A-Za-z0-9.\-=^/ ]{1,32}$/;
const FOOTER =
  /^(totals?\b|account total|transactions total|grand total|date downloaded|disclaimer|the data and information|brokerage services|fidelity|schwab|please|this |informational|\*|note)/i;
const CASH_TYPE = /money market|^cash/i;
const CASH_TEXT =
  /cash & cash investments|^cash$|^cash & cash fund|^cash \(|money market|core position|pending activity|^held in money|cash sweep/i;
const EXPECTED: Partial<Record<ImportField, string>> = {
  quantity: 'a number of shares such as 12.5',
  price: 'a price such as 189.22',
  marketValue: 'an amount such as 1,234.56',
  costBasis: 'an amount such as 1,234.56',
  amount: 'an amount such as -694.48',
  balance: 'a balance such as 1,234.56',
  debit: 'an amount such as 1,234.56',
  credit: 'an amount such as 1,234.56',
};

// Market identifier codes (ISO 10383) and the suffix Yahoo gives their listings.
const MARKET_SUFFIX: Record<string, string> = {
  xams: '.AS',
  xlon: '.L',
  xetr: '.DE',
  xfra: '.F',
  xpar: '.PA',
  xbru: '.BR',
  xmil: '.MI',
  xmad: '.MC',
  xswx: '.SW',
  xvtx: '.SW',
  xsto: '.ST',
  xcse: '.CO',
  xosl: '.OL',
  xhel: '.HE',
  xwbo: '.VI',
  xlis: '.LS',
  xdub: '.IR',
  xtse: '.TO',
  xtsx: '.V',
  xasx: '.AX',
  xhkg: '.HK',
  xtks: '.T',
  xnas: '',
  xnys: '',
  arcx: '',
  bats: '',
  xase: '',
  xnms: '',
  xngs: '',
};

/** "VWRL:xams" → "VWRL.AS", "AAPL:xnas" → "AAPL"; an unknown market keeps the ticker alone. */
function withMarket(text: string): string {
  const at = text.lastIndexOf(':');
  const market = text.slice(at + 1).toLowerCase();
  const ticker = text.slice(0, at).trim();
  if (!ticker || !/^[a-z0-9]{2,5}$/.test(market)) return text;
  return ticker + (MARKET_SUFFIX[market] ?? '');
}

// Country suffixes some brokers put on tickers (XTB: GOOGL.US, CSPX.UK) and the suffix market data uses for that
// country's main exchange. Only codes that are no market-data suffix themselves: .DE (Xetra) and .BE (Berlin) stay.
const COUNTRY_SUFFIX: Record<string, string> = {
  US: '',
  UK: '.L',
  FR: '.PA',
  NL: '.AS',
  IT: '.MI',
  ES: '.MC',
  CH: '.SW',
  DK: '.CO',
  SE: '.ST',
  NO: '.OL',
  FI: '.HE',
  PT: '.LS',
  PL: '.WA',
};
const CANADIAN_LISTING = /^[A-Za-z0-9]{1,8}(\.[A-Za-z])?-C$/;
const COUNTRY_SUFFIXED = /^([A-Z0-9-]{1,10})\.(US|UK|FR|NL|IT|ES|CH|DK|SE|NO|FI|PT|PL)$/;

/** "GOOGL.US" → "GOOGL", "CSPX.UK" → "CSPX.L"; any other symbol as written. */
function withCountry(symbol: string): string {
  const m = COUNTRY_SUFFIXED.exec(symbol);
  return m ? m[1] + COUNTRY_SUFFIX[m[2]] : symbol;
}

/** Tells whether a data row is a footer, total or disclaimer line rather than data. */
export function isFooterRow(cells: readonly string[], headerWidth: number): boolean {
  let filled = 0;
  let first = '';
  // Only whether there are none, one or more filled cells matters, and which is the first.
  for (let i = 0; i < cells.length && filled < 2; i++) {
    if (cells[i] === '' || cells[i].trim() === '') continue;
    if (filled++ === 0) first = cells[i];
  }
  if (filled === 0) return false;
  if (FOOTER.test(first.trim()) && !/^\d/.test(first)) return true;
  return filled === 1 && headerWidth > 2 && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(first.trim());
}

const NUMBER_FIELDS = ['quantity', 'price', 'marketValue', 'costBasis', 'amount', 'balance', 'debit', 'credit'] as const;
// "Sell Short", "Short Sale", "Buy to Cover", "YOU SOLD SHORT SALE": the file says the position is a short.
const SHORT_ACTION = /\bshort\b|\bto cover\b|\bcover short\b/i;
const OPTION_SHORT_ACTION = /\bsell(ing)? to open\b|\bbuy(ing)? to close\b/i;
const NO_DESCRIPTION = /^(-+|n\/a|none)$/i;

/** The trimmed text of a cell, or '' for an unmapped column (-1) or a short row. */
function textAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

/** The number of pence in a price written in pence ("150p", "1,250.5 p"); undefined for any other cell. */
function penceIn(text: string, decimal: DecimalStyle): number | undefined {
  const match = /^(.*\d)\s*p$/.exec(text);
  const value = match ? readNumber(match[1], decimal) : undefined;
  return value === null || value === undefined || value < 0 ? undefined : value;
}

/** Reads one data row into a normalised record, or says why it is invalid or skipped. */
export function readRow(cells: readonly string[], ctx: RowContext): RowReading {
  return rowReader(ctx)(cells);
}

/**
 * A row read as a record. A class rather than an object literal: V8 moves the objects of a literal that mostly
 * outlive the young generation (a preview that keeps every row's record) straight into the old one from then on, and a
 * record read later by an import that lets it go at once would then keep its row's strings alive through collections.
 */
class RecordRow implements ImportRecord {
  declare option?: ImportRecord['option'];

  constructor(
    public account: string,
    public symbol: string,
    public isin: string | null,
    public name: string,
    public quantity: number | null,
    public price: number | null,
    public marketValue: number | null,
    public costBasis: number | null,
    public currency: string,
    public priceCurrency: string | null,
    public date: string | null,
    public txClass: ImportRecord['txClass'],
    public amount: number | null,
    public isCash: boolean,
    public securityType: string,
    public balance: number | null,
    public isShortMarked: boolean,
  ) {}
}

/** readRow for every data row of one table: the column lookups are worked out once, not per row. */
export function rowReader(ctx: RowContext): (cells: readonly string[]) => RowReading {
  const { columns, decimal, dateOrder } = ctx.mapping;
  const at = (f: ImportField) => columns[f] ?? -1;
  const colName = (f: ImportField) => (columns[f] === undefined ? f : ctx.header[columns[f]] || `column ${columns[f] + 1}`);
  const numberAt = NUMBER_FIELDS.map(at);
  const [symbolAt, isinAt, descriptionAt, currencyAt, priceCurrencyAt, accountAt, accountNumberAt, dateAt, securityTypeAt] = (
    ['symbol', 'isin', 'description', 'currency', 'priceCurrency', 'account', 'accountNumber', 'date', 'securityType'] as const
  ).map(at);
  const order = ctx.preset.dateOrder ?? dateOrder;
  const [quantityAt, priceAt, marketValueAt, costBasisAt, amountAt, balanceAt, debitAt, creditAt] = numberAt;
  // Rows the broker marks as not done (a cancelled order, a pending trade): listed, never applied.
  const skip = ctx.preset.skipRows;
  const skipAt = skip ? ctx.header.findIndex((h) => headerNames(h).includes(skip.column)) : -1;
  // Account names and currencies repeat down a file: its records (and positions) keep one string for each, not a copy
  // per row that a 100,000-row file's positions would carry out of the young generation.
  const kept = new Map<string, string>();
  const once = (text: string): string => {
    const known = kept.get(text);
    if (known !== undefined) return known;
    if (kept.size < 1_000) kept.set(text, text);
    return text;
  };
  /** The number in a column: null for a blank cell or an unmapped column, undefined when the cell cannot be read. */
  const numberIn = (cells: readonly string[], index: number): number | null | undefined =>
    index < 0 ? null : readNumber(textAt(cells, index), decimal);
  const unreadable = (cells: readonly string[], k: number): RowReading => {
    const text = textAt(cells, numberAt[k]);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return { kind: 'invalid', column: colName(NUMBER_FIELDS[k]), reason: `expected ${EXPECTED[NUMBER_FIELDS[k]]}, found "${shown}"` };
  };
  return (cells) => {
    if (skip && skipAt >= 0 && skip.pattern.test(textAt(cells, skipAt)))
      return { kind: 'skipped', reason: `${skip.reason} ("${textAt(cells, skipAt).slice(0, 40)}")` };
    // Five named values rather than an array: no array and fewer boxed numbers per row on a 100,000-row file.
    const quantity = numberIn(cells, quantityAt);
    if (quantity === undefined) return unreadable(cells, 0);
    let price = numberIn(cells, priceAt);
    // A price written in pence ("150p"), read only where it is not a plain number; its currency is settled below.
    const pence = price === undefined ? penceIn(textAt(cells, priceAt), decimal) : undefined;
    if (pence !== undefined) price = pence;
    else if (price === undefined) return unreadable(cells, 1);
    const marketValue = numberIn(cells, marketValueAt);
    if (marketValue === undefined) return unreadable(cells, 2);
    const costBasis = numberIn(cells, costBasisAt);
    if (costBasis === undefined) return unreadable(cells, 3);
    let amount = numberIn(cells, amountAt);
    if (amount === undefined) return unreadable(cells, 4);
    const balance = numberIn(cells, balanceAt);
    if (balance === undefined) return unreadable(cells, 5);
    const debit = numberIn(cells, debitAt);
    if (debit === undefined) return unreadable(cells, 6);
    const credit = numberIn(cells, creditAt);
    if (credit === undefined) return unreadable(cells, 7);
    if (amount === null && (debit !== null || credit !== null)) amount = Math.abs(credit ?? 0) - Math.abs(debit ?? 0);
    // The first line only: Robinhood's "Apple\nCUSIP: 037833100".
    const descriptionCell = textAt(cells, descriptionAt);
    const rawDescription = (descriptionCell.includes('\n') ? descriptionCell.split('\n')[0].trim() : descriptionCell).slice(0, 200);
    const description = NO_DESCRIPTION.test(rawDescription) ? '' : rawDescription;
    const symbolCell = textAt(cells, symbolAt);
    let symbol = symbolCell.endsWith('*') ? symbolCell.replace(/\*+$/, '').trim() : symbolCell;
    // A listed option ("NVDA  250620C00150000", " -NVDA250620C150", "NVDA 06/20/2025 150.00 C"): kept under its OCC symbol.
    const option = optionInRow(symbolCell, rawDescription);
    if (option) symbol = occSymbol(option);
    const isinCell = textAt(cells, isinAt);
    // A code in the ISIN column is taken as written; inside other text only a code whose check digit agrees is an ISIN.
    let isin = isinCell ? (ISIN_SHAPE.test(isinCell.toUpperCase()) ? isinCell.toUpperCase() : isinIn(isinCell)) : null;
    let name = description;
    // "Fund / ISIN" cells: the name is what is left around the ISIN.
    if (isin && !name && isinCell.length > 12) name = isinCell.replace(new RegExp(isin, 'i'), '').replace(NAME_TRIM, '').slice(0, 200);
    // "S&P 500 UCITS ETF - Accumulating (VUAG)": the ticker in the parentheses, and the name before them.
    const named = option ? null : tickerInName(symbol);
    if (named) {
      symbol = named.ticker;
      if (!name || name === symbolCell) name = named.name.slice(0, 200);
    }
    // "VWRL:xams": the ticker and its market (an ISO 10383 code), as Yahoo writes it ("VWRL.AS").
    if (!option && symbol.includes(':')) symbol = withMarket(symbol);
    else if (!option && symbol.includes('.')) symbol = withCountry(symbol);
    // "AMD/USD": the symbol and the currency it is quoted in.
    const pair = !option && symbol.includes('/') ? splitPair(symbol) : null;
    if (pair) symbol = pair.symbol;
    // An ISIN inside the symbol cell ("US0378331005", "Vanguard FTSE All-World / IE00BK5BQT80"): the ISIN, and a name.
    const isinInSymbol = !pair && symbol.length >= 12 ? isinIn(symbol) : null;
    if (isinInSymbol) {
      isin = isin ?? isinInSymbol;
      const rest = symbol
        .toUpperCase()
        .replace(isinInSymbol, '')
        .replace(/^[\s/|,;:()-]+|[\s/|,;:()-]+$/g, '');
      if (/^[A-Z0-9.-]{1,10}$/.test(rest)) symbol = rest;
      else {
        symbol = '';
        if (!name) name = symbolCell.replace(new RegExp(isinInSymbol, 'i'), '').replace(NAME_TRIM, '').slice(0, 200);
      }
    }
    // No symbol at all: an ISIN named in the description ("ISHARES CORE MSCI WORLD (IE00B4L5Y983)").
    if (!symbol && !isin && description) isin = isinIn(description);
    const isCash = CASH_TEXT.test(symbol) || CASH_TEXT.test(description) || symbolCell.endsWith('**');
    const code = currencyCode(textAt(cells, currencyAt));
    const currencyCell = code === null ? null : once(code);
    const priceCurrencyCell = currencyCode(textAt(cells, priceCurrencyAt));
    // Desjardins (Disnat) marks a Canadian listing "-C" ("VEQT-C" in a CAD row): the Toronto listing, as market data
    // names it ("VEQT.TO").
    if (CANADIAN_LISTING.test(symbol) && (priceCurrencyCell ?? currencyCell ?? ctx.currency) === 'CAD')
      symbol = `${symbol.slice(0, -2)}.TO`;
    // Rows known only by ISIN take the ticker the ISIN table gives it (the listing in the row's currency when it has
    // several: VWRL.L in GBP or pence, VWRL.AS in EUR), and keep the ISIN otherwise.
    if (isin && (!symbol || symbol.toUpperCase() === isin))
      symbol = ctx.resolveIsin?.(isin, majorCurrency(priceCurrencyCell ?? currencyCell ?? pair?.currency ?? ctx.currency)) ?? isin;
    const listed = ctx.isCurrencyUnnamed && symbol.includes('.') ? listingCurrency(symbol) : null;
    // A file that names no currency may write it in its money cells ("50.00 SEK", "€10.00"): the amount's, else the price's.
    const written = ctx.hasCurrencyInCells
      ? (currencyInCell(textAt(cells, amountAt)) ?? currencyInCell(textAt(cells, marketValueAt)) ?? currencyInCell(textAt(cells, priceAt)))
      : null;
    const accountName = textAt(cells, accountAt);
    const accountNumber = textAt(cells, accountNumberAt);
    const account = (accountName && accountNumber ? `${accountName} (${accountNumber})` : accountName || accountNumber) || ctx.account;
    const dateText = textAt(cells, dateAt);
    const date = dateText ? parseDate(dateText, order) : ctx.asOf;
    const securityType = textAt(cells, securityTypeAt);
    const record = new RecordRow(
      once(account.slice(0, 200)),
      symbol,
      isin,
      name,
      quantity,
      price,
      marketValue,
      costBasis,
      // The currency. No currency column: the price's currency is the row's ("Price Currency": EUR), not the file's
      // default; in a file that names none, a listing's market suffix gives its price's ("CHSPI.SW" trades in francs) —
      // a holding's currency, and in a history the price's only (the cash may be in the account's currency). A
      // currency written in the money cells comes before the listing's.
      currencyCell ??
        pair?.currency ??
        (currencyAt < 0 ? priceCurrencyCell : null) ??
        written ??
        (ctx.kind === 'positions' ? listed : null) ??
        ctx.currency,
      // The price's currency, when it differs.
      priceCurrencyCell ??
        (pair && currencyCell && pair.currency !== currencyCell ? pair.currency : null) ??
        (ctx.kind === 'transactions' && listed !== ctx.currency ? listed : null),
      date,
      null, // txClass: set by the history's reading
      amount,
      isCash || CASH_TYPE.test(securityType),
      securityType.slice(0, 60),
      balance,
      false, // isShortMarked
    );
    // Assigned, not spread: this runs once per row.
    if (option) record.option = option;
    if (pence !== undefined) {
      // Pence are sterling: kept as pence where the row says so (GBp, GBX), made pounds where it says GBP or nothing.
      const stated = currencyCell ?? pair?.currency ?? null;
      if (stated !== null && majorCurrency(stated) !== 'GBP')
        return {
          kind: 'invalid',
          column: colName('price'),
          reason: `expected a price in ${stated}, found one in pence ("${textAt(cells, priceAt)}")`,
        };
      if (stated === null || stated === 'GBP') [record.price, record.currency] = [pence / 100, 'GBP'];
    }
    if (dateText && !date) {
      return {
        kind: 'invalid',
        column: colName('date'),
        reason: `expected a date such as 10/14/2024 or 2024-10-14, found "${dateText.slice(0, 40)}"`,
      };
    }
    if (ctx.kind === 'positions') return finishPosition(record, colName);
    return finishTransaction(record, ctx, (f) => textAt(cells, at(f)), colName, cells);
  };
}

function finishPosition(record: ImportRecord, colName: (f: ImportField) => string): RowReading {
  if (record.isCash) {
    const value = record.marketValue ?? record.quantity;
    if (value === null) return { kind: 'invalid', column: colName('marketValue'), reason: 'expected the cash amount, found nothing' };
    const isTicker = SYMBOL.test(record.symbol) && !/\s/.test(record.symbol);
    if (!record.name) record.name = isTicker ? `Cash (${record.currency})` : record.symbol || `Cash (${record.currency})`;
    record.symbol = isTicker ? record.symbol.toUpperCase() : record.currency;
    record.price = record.price ?? (record.quantity ? value / record.quantity : 1);
    record.quantity = record.quantity ?? value;
    record.marketValue = value;
    return { kind: 'record', record };
  }
  if (!record.symbol) return { kind: 'invalid', column: colName('symbol'), reason: 'expected a ticker or an ISIN, found nothing' };
  if (!SYMBOL.test(record.symbol)) {
    return { kind: 'invalid', column: colName('symbol'), reason: `expected a ticker such as AAPL, found "${record.symbol.slice(0, 40)}"` };
  }
  if (record.quantity === null)
    return { kind: 'invalid', column: colName('quantity'), reason: 'expected a number of shares, found nothing' };
  if (record.price === null && record.marketValue === null) {
    return { kind: 'invalid', column: colName('price'), reason: 'expected a price or a market value, found neither' };
  }
  if (record.price !== null && record.price < 0) {
    return { kind: 'invalid', column: colName('price'), reason: `expected a price of zero or more, found ${record.price}` };
  }
  record.symbol = record.symbol.toUpperCase();
  return { kind: 'record', record };
}

/** A trade written out in a text cell of the row ("Buy 12 @ 41.50 USD"): the description and action first, then any cell. */
function tradeInRow(record: ImportRecord, actionText: string, cells: readonly string[], ctx: RowContext): TradeText | null {
  for (const text of [record.name, actionText, ...cells]) {
    if (!text.includes('@') && !/\s(at|à)\s/i.test(text)) continue;
    const trade = readTradeText(text, ctx.mapping.decimal);
    if (trade) return trade;
  }
  return null;
}

/** The class a short word in an unmapped cell gives ("Dividend", "Custody Fee"), when the action column's text gives none. */
function classifyOtherCell(cells: readonly string[], ctx: RowContext): TxClass | null {
  const mapped = new Set(Object.values(ctx.mapping.columns));
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i].trim();
    if (mapped.has(i) || cell.length < 3 || cell.length > 30 || /\d/.test(cell)) continue;
    const found = classifyAction(cell);
    if (found && found !== 'ignore' && found !== 'shares') return found;
  }
  return null;
}

function finishTransaction(
  record: ImportRecord,
  ctx: RowContext,
  cell: (f: ImportField) => string,
  colName: (f: ImportField) => string,
  cells: readonly string[],
): RowReading {
  const actionText = cell('action') || cell('side');
  const sideText = cell('side');
  const patch = ctx.preset.patchRow?.(record.name, actionText);
  const code = (text: string) => ctx.preset.actionCodes?.[text.toUpperCase()];
  // A reversal of a trade ("Storno" with -2.5 shares): the shares' sign says which way they move.
  const isReversal = isReversalText(actionText) && (record.symbol !== '' || record.isin !== null) && !!record.quantity;
  let txClass =
    (isReversal ? (record.quantity! < 0 ? 'sell' : 'buy') : null) ??
    patch?.txClass ??
    code(actionText) ??
    ctx.preset.classify?.(actionText, record.name) ??
    classifyAction(actionText) ??
    code(sideText) ??
    classifyAction(sideText) ??
    (ctx.mapping.columns.side !== undefined ? sideLetter(sideText) : null);
  // A security paid back with its units ("Rimborso" 2000 at 100, "Redemption"): the units leave, as in a sale.
  if ((txClass === 'income' || txClass === null) && isRedemptionText(actionText) && record.quantity && (record.symbol || record.isin))
    txClass = 'sell';
  // A security's dividend that takes cash and adds shares is reinvested: a purchase (E*TRADE's "Dividend" with a
  // quantity). Negative interest on the cash account (no security) stays what it is.
  const isReinvested = record.quantity !== null && record.quantity > 0 && record.amount !== null && record.amount < 0;
  if (txClass === 'income' && isReinvested && (record.symbol || record.isin)) txClass = 'buy';
  // "Trade" with "Buy 12 @ 41.50 USD" in a text column, or "Open Position" with the quantity only in a comment.
  const needsText =
    txClass === null || (movesShares(txClass) && txClass !== 'split' && record.quantity === null && patch?.quantity === undefined);
  const trade = needsText && !patch ? tradeInRow(record, actionText, cells, ctx) : null;
  if (txClass === null && trade?.side) txClass = trade.side;
  // "Portfolio Transaction" or "Trade" with no text to read: the signs of the shares and the cash say which way.
  if (txClass === null && actionText) txClass = sideBySign(actionText, record.quantity, record.amount);
  // "Corporate action" with "Dividend" in another short cell (Saxo's Event column): that cell says what happened.
  if (txClass === null) txClass = classifyOtherCell(cells, ctx);
  // No action written in the action column (Vanguard UK leaves it blank on its oldest purchase) on a dated row that
  // names a holding, its quantity and its price: a trade, whose side is the quantity's sign; the row says so.
  const isSideAssumed =
    txClass === null &&
    !actionText &&
    ctx.preset.id === 'generic' &&
    ctx.mapping.columns.action !== undefined &&
    !!record.quantity &&
    record.price !== null &&
    (record.symbol !== '' || record.isin !== null) &&
    !!record.date;
  if (isSideAssumed) txClass = record.quantity! < 0 ? 'sell' : 'buy';
  if (txClass === null) {
    if (!actionText) return { kind: 'invalid', column: colName('action'), reason: 'expected an action such as Buy or Sell, found nothing' };
    // An action not known that still moves money is listed with its amount, never dropped as if it moved none.
    // With shares named too ("Convert" 0.00363125 BTC for 351.66 EUR), both are said.
    const shares = record.quantity && (record.symbol || record.isin) ? `${record.quantity} ${record.symbol || record.isin}` : '';
    if (record.amount && shares)
      return {
        kind: 'skipped',
        reason: `the action "${actionText.slice(0, 60)}" is not one Aftershock knows, so its quantity ${shares} was not applied to holdings, nor its amount ${record.amount} ${record.currency} to cash`,
      };
    if (record.amount)
      return {
        kind: 'skipped',
        reason: `the action "${actionText.slice(0, 60)}" is not one Aftershock knows, so its amount ${record.amount} ${record.currency} was not applied to cash`,
      };
    // Nor one that names shares ("Staking reward" with a quantity and no amount): its shares are not added.
    if (record.quantity && (record.symbol || record.isin))
      return {
        kind: 'skipped',
        reason: `the action "${actionText.slice(0, 60)}" is not one Aftershock knows, so its quantity ${record.quantity} ${record.symbol || record.isin} was not applied to holdings`,
      };
    return { kind: 'skipped', reason: `the action "${actionText.slice(0, 60)}" does not change holdings or cash` };
  }
  // Coins or shares deposited or withdrawn (a crypto exchange's "withdrawal" of 0.0107 ETH to a wallet, a "deposit"
  // of 286.98 XLM): the units move, not cash.
  const isUnits =
    record.quantity !== null && record.quantity !== 0 && record.symbol !== '' && !record.isCash && !isCurrencyCell(record.symbol);
  // A signed quantity says the way (Crypto.com's "card_top_up" of -235.08 USDT takes the coins out).
  if ((txClass === 'deposit' || txClass === 'withdrawal') && isUnits)
    txClass = txClass === 'deposit' && record.quantity! > 0 ? 'shares-in' : 'shares-out';
  if (txClass === 'ignore')
    return {
      kind: 'skipped',
      reason: `"${actionText.slice(0, 60)}" moves no shares or cash of yours (an internal transfer or a statement line)`,
    };
  const r: ImportRecord = {
    ...record,
    txClass,
    quantity: patch?.quantity ?? record.quantity ?? trade?.quantity ?? null,
    price: patch?.price ?? record.price ?? trade?.price ?? null,
    // An option written ("Sell to Open") or bought back ("Buy to Close") is a short position, as a short sale is.
    ...(isReversal ? { isReversal: true } : {}),
    ...(isSideAssumed ? { isSideAssumed: true } : {}),
    isShortMarked:
      (txClass === 'sell' || txClass === 'buy') &&
      (SHORT_ACTION.test(actionText) || (record.option !== undefined && OPTION_SHORT_ACTION.test(actionText))),
  };
  // A layout that names securities only in free text (Hargreaves Lansdown): the name finds the symbol in the security
  // master when it fits exactly one, and is the holding's key otherwise (listed as a finding, never guessed).
  if (ctx.preset.namesByDescription && movesShares(txClass) && !r.symbol && !r.isin && r.name) {
    r.name = securityNameIn(r.name);
    r.symbol = ctx.resolveName?.(r.name).symbol ?? nameKey(r.name);
  }
  // The trade text is no name for the holding ("Buy 12 @ 41.50 USD").
  if (trade && r.name.includes('@')) r.name = '';
  // No price (no column, or a 0 where the broker writes none), but the trade's amount and quantity (eToro's "Amount"
  // and "Units", E*TRADE's reinvested dividends): the price is their ratio.
  if (!r.price && (txClass === 'buy' || txClass === 'sell') && r.amount && r.quantity) r.price = Math.abs(r.amount / r.quantity);
  if (patch?.priceCurrency) r.priceCurrency = patch.priceCurrency;
  else if (trade?.currency && trade.currency !== r.currency && !r.priceCurrency) r.priceCurrency = trade.currency;
  if (r.amount !== null && ctx.preset.hasUnsignedAmounts) r.amount = signAmount(txClass, r.amount);
  if (movesShares(txClass)) {
    if (!r.symbol && !r.name && ctx.preset.skipsUnnamedTrades)
      return { kind: 'skipped', reason: 'a currency conversion (no security named)' };
    if (!r.symbol)
      return {
        kind: 'invalid',
        column: colName('symbol'),
        reason: `expected a ticker or ISIN for "${actionText.slice(0, 40)}", found nothing`,
      };
    if (!SYMBOL.test(r.symbol))
      return { kind: 'invalid', column: colName('symbol'), reason: `expected a ticker such as AAPL, found "${r.symbol.slice(0, 40)}"` };
    if (r.quantity === null) {
      if (txClass === 'shares' || txClass === 'split')
        return { kind: 'skipped', reason: `"${actionText.slice(0, 60)}" states no quantity` };
      return {
        kind: 'invalid',
        column: colName('quantity'),
        reason: `expected the number of shares ${txClass === 'sell' ? 'sold' : 'bought'}, found nothing`,
      };
    }
    r.symbol = r.symbol.toUpperCase();
    r.quantity = signQuantity(txClass, r.quantity);
  } else if (r.amount === null) {
    // No amount column (Ghostfolio's own CSV): a dividend is its shares times the amount per share in the price
    // column, a fee the fee column's amount.
    if (txClass === 'income' && r.quantity && r.price) r.amount = Math.abs(r.quantity * r.price);
    else if (txClass === 'fee') {
      const fee = readNumber(cell('fees'), ctx.mapping.decimal);
      if (fee) r.amount = -Math.abs(fee);
    }
    // Money counted in the quantity column under its currency (a crypto exchange's "deposit", EUR, 10).
    if (r.amount === null && r.quantity && isCurrencyCell(r.symbol)) {
      r.amount = signAmount(txClass, r.quantity);
      r.currency = currencyCode(r.symbol) ?? r.currency;
      r.symbol = '';
      r.quantity = null;
    }
    if (r.amount === null) return { kind: 'skipped', reason: `"${actionText.slice(0, 60)}" states no amount` };
  }
  if (!r.date) return { kind: 'invalid', column: colName('date'), reason: 'expected the date of the transaction, found nothing' };
  return { kind: 'record', record: r };
}
