/** Types shared by every stage of the import pipeline (parse → detect → normalise → validate → preview). */

export type ImportKind = 'positions' | 'transactions';
export type DateOrder = 'MDY' | 'DMY' | 'YMD';
export type DecimalStyle = '.' | ',';

/** Fields a column can be mapped to. */
export const IMPORT_FIELDS = [
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
  'priceCurrency',
  'date',
  'action',
  'side',
  'amount',
  'fees',
  'securityType',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column (0-based) feeds each field, plus how dates and decimals are written. */
export interface ColumnMapping {
  columns: Partial<Record<ImportField, number>>;
  dateOrder: DateOrder;
  decimal: DecimalStyle;
}

/** What a transaction row does to holdings and cash. */
export type TxClass =
  | 'buy'
  | 'sell'
  | 'shares-in'
  | 'shares-out'
  | 'shares'
  | 'split'
  | 'income'
  | 'fee'
  | 'deposit'
  | 'withdrawal'
  | 'cash'
  | 'ignore';

/** One normalised data row. Numbers are plain floats; dates are YYYY-MM-DD. */
export interface ImportRecord {
  account: string;
  symbol: string;
  isin: string | null;
  name: string;
  quantity: number | null;
  price: number | null;
  marketValue: number | null;
  costBasis: number | null;
  currency: string;
  /** Currency of the price when it differs from the cash currency (Trading 212, DEGIRO). */
  priceCurrency: string | null;
  date: string | null;
  txClass: TxClass | null;
  amount: number | null;
  isCash: boolean;
  /** The broker's own asset type ("Money Market Funds", "ETFs & Closed End Funds", "Fixed Income"), when given. */
  securityType: string;
}

export type RowStatus = 'new' | 'duplicate' | 'invalid' | 'skipped';

/** The verdict on one line of the file, for the preview. */
export interface RowOutcome {
  /** 1-based line number in the file. */
  row: number;
  status: RowStatus;
  reason: string;
  column?: string;
  record?: ImportRecord;
}

/** A position as it will be written. */
export interface ImportPosition {
  account: string;
  symbol: string;
  name: string;
  assetClass: 'equity' | 'fund' | 'bond' | 'cash' | 'crypto' | 'other';
  quantity: number;
  price: number | null;
  marketValue: number | null;
  costBasis: number | null;
  currency: string;
  asOf: string | null;
}

/** Positions and value of one account in one currency. */
export interface AccountTotal {
  account: string;
  currency: string;
  positions: number;
  marketValue: number;
}

export interface ImportCounts {
  rows: number;
  new: number;
  duplicate: number;
  invalid: number;
  skipped: number;
}

/** Everything the user sees before committing. */
export interface ImportPreview {
  fileName: string;
  format: string;
  formatLabel: string;
  kind: ImportKind;
  header: string[];
  /** Stable key of this file layout, for saved mapping profiles. */
  layoutKey: string;
  mapping: ColumnMapping;
  rows: RowOutcome[];
  counts: ImportCounts;
  positions: ImportPosition[];
  totals: AccountTotal[];
  warnings: string[];
  delimiter: string;
  /** Rows and positions left out of a preview sent to the screen (see trimPreview); absent when whole. */
  omitted?: { rows: number; positions: number };
}

/** A file that cannot be imported, with a sentence for the user and the detail for developers. */
export interface ImportRefusal {
  message: string;
  detail?: string;
  row?: number;
  column?: string;
  /** When no header was recognised: the layout key and first line, so a saved or hand-made mapping can be applied. */
  layoutKey?: string;
  header?: string[];
}

export type PipelineResult = { ok: true; preview: ImportPreview } | { ok: false; refusal: ImportRefusal };

/** Options the caller may give the pipeline. */
export interface PipelineOptions {
  fileName: string;
  /** Preset id, or 'auto' (default). */
  format?: string;
  /** A user-fixed mapping that overrides the preset's. */
  mapping?: ColumnMapping;
  /** Account name for files that do not name one. */
  defaultAccount?: string;
  /** Currency for files that do not state one. */
  defaultCurrency?: string;
  /** Keep at most this many new rows in `rows` (counted in `omitted`); the default keeps every row. */
  newRowLimit?: number;
  /** Resolves an ISIN to a ticker through the security master; undefined keeps the ISIN. */
  resolveIsin?: (isin: string) => string | undefined;
}
