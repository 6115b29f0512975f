/**
 * What an import decided on the user's behalf and must stay visible afterwards (the data-health check lists these):
 * a history that starts mid-way, a broker market value kept over quantity × price, a par-quoted bond, cash not derived.
 */
export const IMPORT_FINDING_KINDS = [
  /** The history sells more than it shows bought; the position was treated as closed (clamped at zero). */
  'history-clamped',
  /** The history sells more than it shows bought; the user entered the opening quantity. */
  'history-opening-entered',
  /** The history sells more than it shows bought; kept as a short on the user's explicit choice or the file's mark. */
  'short-kept',
  /** The file's market value and quantity × price disagree by more than 1%; the broker's market value was kept. */
  'market-value-kept',
  /** A CUSIP-shaped holding priced near 100 was read as percent of par (value and cost basis use price / 100). */
  'par-quoted-bond',
  /** Cash was not derived because the history does not start from zero and the file has no balance column. */
  'cash-not-derived',
  /** The file names the security only by free text (Hargreaves Lansdown) and no single master security has that name. */
  'named-by-description',
] as const;
export type ImportFindingKind = (typeof IMPORT_FINDING_KINDS)[number];

/** One recorded import decision about one holding (or one account's cash), kept until the import is undone. */
export interface ImportFinding {
  importId: number;
  fileName: string;
  kind: ImportFindingKind;
  account: string;
  /** The holding's symbol, or the cash currency for `cash-not-derived`. */
  symbol: string;
  /** The user-facing sentence, e.g. "SNAXX: the history sells 496,428.12 more than it shows bought; treated as closed." */
  sentence: string;
}
