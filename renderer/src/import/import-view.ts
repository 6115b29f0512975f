import { countOf } from '../../../shared/format';
import { GENERIC_ALIASES, mapColumns } from '../../../shared/import/headers';
import { currencyCode, isinIn } from '../../../shared/import/identifiers';
import { guessDecimalStyle, readNumber } from '../../../shared/import/numbers';
import { buildPreview } from '../../../shared/import/pipeline';
import { parseTable } from '../../../shared/import/table';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type HistoryShortfall,
  type ImportField,
  type ImportPreview,
  type OpeningDecision,
  type RowOutcome,
} from '../../../shared/import/types';

/** Field labels for the mapping editor. */
export const FIELD_LABELS: Record<ImportField, string> = {
  account: 'Account',
  accountNumber: 'Account number',
  symbol: 'Symbol',
  isin: 'ISIN',
  description: 'Description',
  quantity: 'Quantity',
  price: 'Price',
  marketValue: 'Market value',
  costBasis: 'Cost basis',
  currency: 'Currency',
  priceCurrency: 'Price currency',
  date: 'Date',
  action: 'Action',
  side: 'Buy/sell',
  amount: 'Amount',
  fees: 'Fees',
  securityType: 'Security type',
  balance: 'Cash balance',
  debit: 'Debit (money out)',
  credit: 'Credit (money in)',
};

/** Fields only a transaction history has. */
const HISTORY_FIELDS: readonly ImportField[] = ['priceCurrency', 'date', 'action', 'side', 'amount', 'fees', 'balance'];

/** The fields worth offering for a kind of file, in the order the editor shows them. */
export function fieldsFor(kind: ImportPreview['kind']): ImportField[] {
  const positions = IMPORT_FIELDS.filter((f) => !HISTORY_FIELDS.includes(f));
  return kind === 'positions' ? positions : IMPORT_FIELDS.filter((f) => f !== 'marketValue' && f !== 'costBasis');
}

/** A copy of the mapping with one field pointed at another column (or at none). */
export function remap(mapping: ColumnMapping, field: ImportField, column: number | null): ColumnMapping {
  const columns = { ...mapping.columns };
  if (column === null) delete columns[field];
  else columns[field] = column;
  return { ...mapping, columns };
}

/** Rows to list in the preview: problems first (invalid, duplicate, skipped), then new rows, at most `limit`. */
export function rowsToShow(rows: readonly RowOutcome[], limit = 200): RowOutcome[] {
  const rank = { invalid: 0, duplicate: 1, skipped: 2, new: 3 } as const;
  return [...rows].sort((a, b) => rank[a.status] - rank[b.status] || a.row - b.row).slice(0, limit);
}

/** What the commit button says and does, given the preview. */
export function commitChoice(
  preview: ImportPreview,
  hasPrevious: boolean,
): { label: string; skipInvalid: boolean; needsDuplicateChoice: boolean } {
  const skipInvalid = preview.counts.invalid > 0;
  // Count from the totals: a preview sent to the screen lists only a sample of its positions.
  const count = preview.totals.reduce((n, t) => n + t.positions, 0);
  const label = skipInvalid
    ? `Import ${countOf(count, 'position')} without the ${countOf(preview.counts.invalid, 'invalid row')}`
    : `Import ${countOf(count, 'position')}`;
  return { label, skipInvalid, needsDuplicateChoice: hasPrevious };
}

/** The first non-blank line of a file, split by the same parser the import uses: the columns to pick from by hand. */
export function firstLineCells(text: string): string[] {
  const { rows } = parseTable(text.slice(0, 20_000));
  return (rows.find((r) => r.some((c) => c.trim() !== '')) ?? []).map((c) => c.trim());
}

/** The key a choice for one holding is sent under: its account and symbol, so two accounts can differ. */
export function openingKey(s: Pick<HistoryShortfall, 'account' | 'symbol'>): string {
  return `${s.account}:${s.symbol}`;
}

/** What the decision control of a shortfall row offers, in words; "short" only as an explicit choice. */
export const DECISION_LABELS: Record<OpeningDecision['kind'], string> = {
  closed: 'Treat as closed (clamp at zero)',
  opening: 'Enter the opening quantity',
  short: 'Keep as a short',
};

/** The decision a control change asks for: an opening quantity must be a number above 0, else null (not sent yet). */
export function decisionFrom(kind: OpeningDecision['kind'], quantityText: string): OpeningDecision | null {
  if (kind !== 'opening') return { kind };
  const quantity = Number(quantityText.replace(/,/g, '').trim());
  return quantityText.trim() !== '' && Number.isFinite(quantity) && quantity > 0 ? { kind: 'opening', quantity } : null;
}

/** Positions whose file market value and quantity × price are more than 1% apart: the preview shows both. */
export function valueDifferences(preview: ImportPreview): ImportPreview['positions'] {
  return preview.positions.filter((p) => p.valueFromPrice !== undefined);
}

/** The header line and the next rows of a file (at most `count`), split by the import's own parser. */
export function headAndRows(text: string, count = 5): { header: string[]; rows: string[][] } {
  const { rows } = parseTable(text.slice(0, 20_000));
  const filled = rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map((c) => c.trim()));
  return { header: filled[0] ?? [], rows: filled.slice(1, 1 + count) };
}

const TICKER = /^[A-Z][A-Z0-9.\-/]{0,9}$/;

/**
 * A first mapping for a file the import could not place: each field whose header is a known name (the import's own
 * aliases, in every language it knows), then, for columns still free, what their values look like — ISINs, tickers,
 * a currency code, and numbers (the first numeric column the quantity, the next the price, a third the value).
 */
export function guessMapping(header: readonly string[], rows: readonly (readonly string[])[]): ColumnMapping {
  const columns: ColumnMapping['columns'] = { ...mapColumns(header, GENERIC_ALIASES) };
  const taken = new Set(Object.values(columns));
  const cells = (i: number) => rows.map((r) => r[i] ?? '').filter((c) => c !== '');
  const decimal = guessDecimalStyle(rows.flat());
  const every = (i: number, test: (c: string) => boolean) => cells(i).length > 0 && cells(i).every(test);
  const claim = (field: ImportField, test: (c: string) => boolean) => {
    if (columns[field] !== undefined) return;
    const i = header.findIndex((_, j) => !taken.has(j) && every(j, test));
    if (i < 0) return;
    columns[field] = i;
    taken.add(i);
  };
  claim('isin', (c) => isinIn(c) === c.toUpperCase());
  claim('currency', (c) => currencyCode(c) !== null && /^[A-Za-z]{3}$/.test(c));
  claim('symbol', (c) => TICKER.test(c));
  const isNumber = (c: string) => typeof readNumber(c, decimal) === 'number';
  claim('quantity', isNumber);
  claim('price', isNumber);
  claim('marketValue', isNumber);
  return { columns, dateOrder: 'MDY', decimal };
}

/**
 * The positions a mapping makes of a file's first lines, as the import would read them (the same pure pipeline main
 * runs), for the hand-mapping screen to show while the user picks columns; or the sentence saying why it cannot.
 */
export function livePositions(
  text: string,
  fileName: string,
  mapping: ColumnMapping,
  lines = 200,
): { ok: true; positions: ImportPreview['positions'] } | { ok: false; message: string } {
  const head = text.split(/\r?\n/).slice(0, lines).join('\n');
  const result = buildPreview(head, { fileName, mapping });
  return result.ok ? { ok: true, positions: result.preview.positions } : { ok: false, message: result.error.message };
}

/** A position's value as the file gives it, else quantity × price (price / 100 for a bond quoted in percent of par). */
export function positionValue(p: ImportPreview['positions'][number]): number | null {
  if (p.marketValue !== null) return p.marketValue;
  return p.price === null ? null : (p.quantity * p.price) / (p.isParQuoted ? 100 : 1);
}

/** Currencies offered for a file that names none, the most held first. */
export const IMPORT_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'CAD',
  'AUD',
  'JPY',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'HKD',
  'SGD',
  'NZD',
  'ZAR',
  'BRL',
  'MXN',
  'INR',
  'CNY',
] as const;

/**
 * What the preview asks about the currency of a file that names none: nothing when the file (or its broker) names it;
 * the portfolio's currency offered when it was taken from there; and when no currency is known at all (the preview
 * fell back to US dollars), an answer is required before the import, never US dollars by silent default.
 */
export function currencyQuestion(
  preview: Pick<ImportPreview, 'currencyAssumed'>,
  chosen: string | null,
): { isAsked: boolean; isRequired: boolean; value: string } {
  if (chosen) return { isAsked: true, isRequired: false, value: chosen };
  const assumed = preview.currencyAssumed;
  if (!assumed) return { isAsked: false, isRequired: false, value: '' };
  return assumed.source === 'default'
    ? { isAsked: true, isRequired: true, value: '' }
    : { isAsked: true, isRequired: false, value: assumed.currency };
}
