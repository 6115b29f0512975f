/** The large position files the crash-safety child imports and the test checks. */
export const IMPORT_ROWS = 1500;

/** The n-th import: its own account, IMPORT_ROWS positions, so no import replaces another's rows. */
export function importText(n: number): string {
  const lines = ['Account Number,Investment Name,Symbol,Shares,Share Price,Total Value'];
  for (let r = 0; r < IMPORT_ROWS; r++) {
    const symbol = `X${String.fromCharCode(65 + (r % 26))}${String.fromCharCode(65 + (Math.floor(r / 26) % 26))}${Math.floor(r / 676)}`;
    lines.push(`ACC${n},Fund ${r},${symbol},${r + 1},2.50,${((r + 1) * 2.5).toFixed(2)}`);
  }
  return lines.join('\n');
}
