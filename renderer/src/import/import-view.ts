import { countOf } from '../../../shared/format';
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
};

/** The fields worth offering for a kind of file, in the order the editor shows them. */
export function fieldsFor(kind: ImportPreview['kind']): ImportField[] {
  const positions: ImportField[] = [
    'account',
    'accountNumber',
    'symbol',
    'isin',
    'description',
    'quantity',
    'price',
    'marketValue',
    'costBasis',
    'currency',
    'securityType',
  ];
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
