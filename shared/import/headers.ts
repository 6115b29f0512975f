import type { ImportField } from './types';

/** Normalises a header cell: lower case, single spaces, no `($)` or trailing colon. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\(\s*\$\s*\)|\(usd\)/g, '')
    .replace(/[_\s]+/g, ' ')
    .replace(/:$/, '')
    .trim();
}

/** The names a header cell answers to: `Qty (Quantity)` answers to both `qty` and `quantity`. */
export function headerNames(cell: string): string[] {
  const full = normaliseHeader(cell);
  const m = /^(.*?)\s*\((.*)\)$/.exec(full);
  return m ? [full, m[1].trim(), m[2].trim()] : [full];
}

/** Header aliases of the generic CSV layout, most specific first. */
export const GENERIC_ALIASES: Record<ImportField, string[]> = {
  account: ['account name', 'account', 'portfolio', 'acct', 'account type'],
  accountNumber: ['account number', 'account no', 'account #', 'account id'],
  symbol: ['symbol', 'ticker', 'code', 'ticker symbol', 'security symbol', 'stock', 'instrument'],
  isin: ['isin', 'isin code'],
  description: ['description', 'name', 'security name', 'security description', 'investment name', 'instrument name', 'product', 'security'],
  quantity: ['quantity', 'shares', 'units', 'qty', 'no. of shares', 'number of shares', 'shares held', 'position', 'holding', 'quantity held'],
  price: ['price', 'last price', 'share price', 'current price', 'close price', 'closing price', 'market price', 'price per share', 'unit price', 'last'],
  marketValue: ['market value', 'current value', 'value', 'total value', 'mkt val', 'marketvalue', 'position value', 'market value (base)'],
  costBasis: ['cost basis', 'cost basis total', 'total cost', 'cost', 'book cost', 'book value'],
  currency: ['currency', 'ccy', 'curr', 'currency code'],
  priceCurrency: ['price currency'],
  date: ['date', 'trade date', 'run date', 'transaction date', 'timestamp', 'as of', 'as of date', 'settlement date'],
  action: ['action', 'transaction type', 'type', 'activity', 'transaction'],
  side: ['side', 'buy/sell', 'buy / sell'],
  amount: ['amount', 'net amount', 'total amount', 'total'],
  fees: ['fees', 'fees & comm', 'commission', 'fee', 'fees and commissions'],
  securityType: ['security type', 'asset class', 'asset type', 'instrument type'],
  balance: ['cash balance', 'running balance', 'balance', 'saldo'],
};

/** Finds the column for each field from a list of aliases per field; the first alias that matches wins. */
export function mapColumns(
  header: readonly string[],
  aliases: Partial<Record<ImportField, string[]>>,
): Partial<Record<ImportField, number>> {
  const names = header.map(headerNames);
  const taken = new Set<number>();
  const columns: Partial<Record<ImportField, number>> = {};
  for (const [field, list] of Object.entries(aliases) as [ImportField, string[]][]) {
    for (const alias of list) {
      const index = names.findIndex((n, i) => !taken.has(i) && n.includes(alias));
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return columns;
}

/** Tells whether a row looks like a header: at least two cells that name known fields, and no numbers. */
const KNOWN_HEADERS = new Set(Object.values(GENERIC_ALIASES).flat());

export function isHeaderRow(row: readonly string[]): boolean {
  const known = KNOWN_HEADERS;
  let hits = 0;
  for (const cell of row) {
    if (/^[-+($€£]*\d[\d.,]*\)?$/.test(cell.trim())) return false;
    if (headerNames(cell).some((n) => known.has(n) || /^(tradedate|tradeprice|trademoney|currencyprimary|settledate|buy\/sell)$/.test(n))) hits++;
  }
  return hits >= 2;
}
