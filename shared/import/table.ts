import Papa from 'papaparse';

/** The file split into cells, with the delimiter that was found. */
export interface RawTable {
  rows: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

function parseWith(text: string, delimiter: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, newline: undefined });
  // Papaparse yields arrays of strings; rows are checked in place, not copied (100,000 arrays on a big file).
  const rows = result.data;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row)) rows[i] = [];
    else if (!row.every((c) => typeof c === 'string')) rows[i] = row.map((c) => (typeof c === 'string' ? c : ''));
  }
  return rows;
}

/** How well a delimiter splits the first lines: the number of lines sharing the most common width > 1. */
function score(rows: string[][]): number {
  const widths = new Map<number, number>();
  for (const row of rows.slice(0, 60)) {
    const width = row.length;
    if (width > 1) widths.set(width, (widths.get(width) ?? 0) + 1);
  }
  let best = 0;
  for (const [width, count] of widths) best = Math.max(best, count * Math.min(width, 8));
  return best;
}

/** Parses CSV text with papaparse, choosing `,`, `;` or tab by which splits the lines most consistently. */
export function parseTable(text: string): RawTable {
  const sample = text.slice(0, 20_000);
  let delimiter: string = ',';
  let bestScore = -1;
  for (const candidate of DELIMITERS) {
    if (!sample.includes(candidate)) continue;
    const s = score(parseWith(sample, candidate));
    if (s > bestScore) {
      bestScore = s;
      delimiter = candidate;
    }
  }
  const rows = parseWith(text, delimiter);
  // papaparse yields one empty row for a trailing newline; drop it so row numbers match lines.
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return { rows, delimiter };
}

/** Tells whether a row has no content. */
export function isBlankRow(row: readonly string[]): boolean {
  return filledCount(row, 1) === 0;
}

/** How many cells of a row hold more than white space, counting no further than `upTo`. */
export function filledCount(row: readonly string[], upTo = Infinity): number {
  let count = 0;
  for (let i = 0; i < row.length && count < upTo; i++) if (row[i] !== '' && isFilled(row[i])) count++;
  return count;
}

/** A cell with more than white space: most start with a visible ASCII character, which settles it without a regex. */
function isFilled(cell: string): boolean {
  const first = cell.charCodeAt(0);
  return (first > 32 && first < 127) || NOT_BLANK.test(cell);
}

/** Any character trim() would keep (a test, not a trimmed copy of every cell). */
const NOT_BLANK = /\S/;
