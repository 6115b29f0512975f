/** Writing CSV for export: quoting, and guarding cells against spreadsheet formula injection. */

/**
 * A formula character at the start of the text or of any part a spreadsheet might split it into: list
 * separators differ by locale (`,` or `;`), tab-separated pastes split on tabs, and lines on line breaks.
 */
const FORMULA_AT_PART_START = /(?<=^|[,;\t\r\n])(?=[=+\-@\t\r])/g;

/**
 * Makes a cell safe to open in a spreadsheet: text that would start a formula, at its start or after any
 * separator a spreadsheet might split on, gets an apostrophe there.
 */
export function guardCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value.replace(FORMULA_AT_PART_START, "'");
}

/** Quotes a cell holding a quote, a list separator of any locale (`,` `;`), a tab or a line break. */
function quote(cell: string): string {
  return /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Renders rows as RFC 4180 CSV with guarded cells; numbers are written as plain numbers. */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [headers, ...rows].map((row) => row.map((cell) => quote(guardCell(cell))).join(',')).join('\r\n') + '\r\n';
}
