/** Writing CSV for export: quoting, and guarding cells against spreadsheet formula injection. */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe. */
export function guardCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Renders rows as RFC 4180 CSV with guarded cells; numbers are written as plain numbers. */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [headers, ...rows].map((row) => row.map((cell) => quote(guardCell(cell))).join(',')).join('\r\n') + '\r\n';
}
