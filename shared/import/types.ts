import type { NameMatch } from './names';
import type { OptionContract } from '../domain/options';
import type { Failure } from '../failure';
import type { Position } from '../domain/types';
/** Types shared by every stage of the import pipeline (parse → detect → normalise → validate → preview). */
import type { ImportFinding } from '../domain/import-findings';

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
  /** The account's cash balance after the row (a running balance), when the file carries one. */
  'balance',
  /** Money out and money in, as two unsigned columns (Interactive Investor's Debit and Credit): the amount is their difference. */
  'debit',
  'credit',
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
  'buy' | 'sell' | 'shares-in' | 'shares-out' | 'shares' | 'split' | 'income' | 'fee' | 'deposit' | 'withdrawal' | 'cash' | 'ignore';

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
  /** The cash balance after this row, in `currency`, when the file has a balance column. */
  balance: number | null;
  /** The file marks this trade as a short sale or a buy to cover ("Sell Short", "Buy to Cover"). */
  isShortMarked: boolean;
  /** The row undoes an earlier one ("Storno", "Reversal"): its signs are as written, whatever the action's words say. */
  isReversal?: boolean;
  /** No action was written: the side is the quantity's sign (a positive quantity bought). */
  isSideAssumed?: boolean;
  /** A listed option (the symbol is then its OCC symbol); quantity is contracts, price per share of the underlying. */
  option?: OptionContract;
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

/** A position as it will be written: the stored position's fields, in an account named by the file. */
export interface ImportPosition extends Pick<
  Position,
  'symbol' | 'name' | 'assetClass' | 'quantity' | 'price' | 'marketValue' | 'costBasis' | 'currency' | 'asOf'
> {
  account: string;
  /** A short the user chose to keep, or the file marks as short; absent or false otherwise. */
  isShortIntended?: boolean;
  /** Set when the file's market value and quantity × price disagree by more than 1%: the file's price × quantity. */
  valueFromPrice?: number;
  /** Set when the price was read as percent of par (a bond): value and cost basis use price / 100. */
  isParQuoted?: boolean;
  /**
   * A listed option's shares per contract (its symbol is the OCC symbol; quantity is contracts, negative when written).
   * The price is then per contract (the per-share premium × multiplier), so quantity × price is the value, as for shares.
   */
  multiplier?: number;
}

/** What to do with a holding the history sells more of than it shows bought. */
export type OpeningDecision =
  /** The history starts after it was bought and it is now closed: clamp at zero (the default). */
  | { kind: 'closed' }
  /** The user states how many were held before the history starts. */
  | { kind: 'opening'; quantity: number }
  /** A real short: kept negative (only on the user's choice or when the file marks it short). */
  | { kind: 'short' };

/** A holding whose history sells more than it shows bought: a history that starts mid-way, or a short. */
export interface HistoryShortfall {
  account: string;
  symbol: string;
  name: string;
  /** The smallest opening quantity that keeps the history at zero or above. */
  shortfall: number;
  /** The date the history first sells more than it shows held. */
  firstDate: string | null;
  /** The file marks the sales as short sales. */
  isMarkedShort: boolean;
  decision: OpeningDecision;
  /** The quantity the import gives the holding under that decision. */
  quantity: number;
}

/** An import decision to record with the import (ImportFinding without the import it belongs to). */
export type ImportFindingDraft = Omit<ImportFinding, 'importId' | 'fileName'>;

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
  /** Holdings the history sells more of than it shows bought, with the decision applied (transactions only). */
  shortfalls: HistoryShortfall[];
  /** Decisions taken on the user's behalf, recorded with the import for the data-health check. */
  findings: ImportFindingDraft[];
  delimiter: string;
  /**
   * Set when the file names no currency and none was chosen for it or known for the broker: the currency its amounts
   * were taken in, and where that came from (the portfolio's currency, or US dollars for want of any), so the preview
   * can ask.
   */
  currencyAssumed?: { currency: string; source: 'portfolio' | 'default' };
  /** Rows and positions left out of a preview sent to the screen (see trimPreview); absent when whole. */
  omitted?: { rows: number; positions: number };
}

/** Why a file was refused, for programs (`import --json`) and for choosing what to offer. */
export type ImportRefusalCode =
  | 'empty'
  | 'binary'
  | 'no-header'
  | 'missing-column'
  | 'unknown-column'
  | 'unknown-format'
  | 'no-rows'
  | 'unreadable-rows'
  | 'no-trades'
  | 'order-log'
  | 'two-legged'
  | 'nets-to-zero';

/** A file that cannot be imported, with a sentence for the user and the detail for developers. */
export interface ImportRefusal {
  code: ImportRefusalCode;
  message: string;
  /** What to try, each a complete step with the file's own column names ("--map quantity=\"Antal\""). */
  suggestions?: string[];
  detail?: string;
  row?: number;
  column?: string;
  /** The layout key and header line (the first line when none was recognised), so a saved or hand-made mapping can be applied. */
  layoutKey?: string;
  header?: string[];
}

export type PipelineResult = { ok: true; preview: ImportPreview } | Failure<ImportRefusal>;

/** Options the caller may give the pipeline. */
export interface PipelineOptions {
  fileName: string;
  /** Preset id, or 'auto' (default). */
  format?: string;
  /** A user-fixed mapping that overrides the preset's. */
  mapping?: ColumnMapping;
  /**
   * Columns chosen by name over the guessed ones (`--map quantity=Antal`): a header cell as written (case and accents
   * ignored) or a 1-based column number. With no header recognised, the first line is taken as the header.
   */
  columns?: Partial<Record<ImportField, string>>;
  /** How numbers are written when the file leaves it open (`1,234`): overrides the guess. */
  decimal?: DecimalStyle;
  /** How dates are written when the file leaves it open (`03/04/2024`): overrides the guess. */
  dateOrder?: DateOrder;
  /** Account name for files that do not name one. */
  defaultAccount?: string;
  /** Currency for files that do not state one. */
  defaultCurrency?: string;
  /** The user chose defaultCurrency for this file (`--currency`): no note that the file names none. */
  isCurrencyChosen?: boolean;
  /** Keep at most this many new rows in `rows` (counted in `omitted`); the default keeps every row. */
  newRowLimit?: number;
  /**
   * Resolves an ISIN to a ticker through the security master and the bundled ISIN table, preferring the listing in
   * the row's currency; undefined keeps the ISIN.
   */
  resolveIsin?: (isin: string, currency?: string) => string | undefined;
  /**
   * Resolves a security's name to its symbol through the security and ETF masters (only for layouts that name
   * securities by free text alone, such as Hargreaves Lansdown's); no symbol keeps the holding under its name.
   */
  resolveName?: (name: string) => NameMatch;
  /**
   * Decisions for holdings a history sells more of than it shows bought, keyed by symbol or by `account:symbol`
   * (the account's own key wins); a holding with none is treated as closed unless the file marks it short.
   */
  openings?: Readonly<Record<string, OpeningDecision>>;
}
