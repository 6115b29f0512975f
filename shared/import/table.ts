import Papa from 'papaparse';

/** The file split into cells, with the delimiter that was found. */
export interface RawTable {
  rows: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

function parseWith(text: string, delimiter: string): string[][] {
  return cleanRows(Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, newline: undefined }).data);
}

/** Papaparse yields arrays of strings; rows are checked in place, not copied. */
function cleanRows(rows: string[][]): string[][] {
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

/** The delimiter that splits the first lines most consistently: `,`, `;` or tab. */
function chooseDelimiter(text: string): string {
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
  return delimiter;
}

/** Parses CSV text with papaparse, choosing `,`, `;` or tab by which splits the lines most consistently. */
export function parseTable(text: string): RawTable {
  const delimiter = chooseDelimiter(text);
  const rows = parseWith(text, delimiter);
  // papaparse yields one empty row for a trailing newline; drop it so row numbers match lines.
  while (rows.length && isEmptyRow(rows[rows.length - 1])) rows.pop();
  return { rows, delimiter };
}

function isEmptyRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** What the pipeline reads of a table's rows: how many, one row, a run of them. An array of rows is one. */
export interface Rows {
  readonly length: number;
  at(index: number): string[] | undefined;
  slice(start?: number, end?: number): string[][];
}

/** Rows papaparse reads per call of a TableRows. */
const CHUNK_ROWS = 250;

/**
 * The rows of a file read a chunk at a time, as papaparse reads the whole text (parseTable's rows, the same cells):
 * a 100,000-row file is never held as 100,000 arrays of cells. Held all at once, they outlived the young generation,
 * and copying them out of it took about 70 of the 170 ms that parsing such a file took; read a chunk at a time, each
 * chunk dies young. The text is parsed twice: once when the table is made (where each chunk starts, how full each row
 * is, how many rows), then as the rows are read; in order, each chunk once. The two chunks read last are kept.
 */
export class TableRows implements Rows {
  readonly length: number;
  /** Where each chunk's first row starts in the text. */
  private readonly starts: number[] = [0];
  /** How many cells of each row hold more than white space, counted up to 3 (filledCount(row, 3)). */
  private readonly filled: Uint8Array;
  private readonly parser: Papa.Parser;
  /** How much text papaparse is given for one chunk: twice what the first chunk took. */
  private readonly width: number;
  private recent: { chunk: number; rows: string[][] }[] = [];

  constructor(
    private readonly text: string,
    readonly delimiter: string,
    /** Rows per chunk (small in tests, to cross many chunk boundaries). */
    private readonly chunkRows = CHUNK_ROWS,
  ) {
    // The first chunk through Papa.parse, which finds the line break as it does for the whole text; the rest through
    // its parser with that line break (fastMode off: the fast path splits all the text it is given, the whole rest).
    const first = Papa.parse<string[]>(text, { delimiter, preview: this.chunkRows, fastMode: false, skipEmptyLines: false });
    this.parser = new Papa.Parser({
      delimiter,
      newline: first.meta.linebreak as Papa.ParseConfig['newline'],
      preview: this.chunkRows,
      fastMode: false,
    });
    this.starts[1] = first.meta.cursor;
    this.width = Math.max(64, 2 * first.meta.cursor);
    // One pass to find where each chunk starts, how full each row is and how many rows there are (not counting
    // trailing empty ones).
    const filled: number[] = [];
    let length = 0;
    for (let chunk = 0, rows = cleanRows(first.data); ; chunk++, rows = this.parseChunk(chunk)) {
      for (let i = 0; i < rows.length; i++) {
        const count = filledCount(rows[i], 3);
        filled.push(count);
        if (count > 0) length = chunk * this.chunkRows + i + 1;
      }
      if (rows.length < this.chunkRows || this.starts[chunk + 1] >= text.length) break;
    }
    this.length = length;
    this.filled = Uint8Array.from(filled.slice(0, length));
  }

  at(index: number): string[] | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const chunk = Math.floor(index / this.chunkRows);
    return this.chunk(chunk)[index - chunk * this.chunkRows];
  }

  slice(start = 0, end = this.length): string[][] {
    const rows: string[][] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) rows.push(this.at(i)!);
    return rows;
  }

  /** filledCount(row, upTo) for upTo ≤ 3, without reading the row again. */
  filledCount(index: number, upTo: 1 | 2 | 3): number {
    return Math.min(this.filled[index], upTo);
  }

  private chunk(chunk: number): string[][] {
    if (this.recent[0]?.chunk === chunk) return this.recent[0].rows;
    if (this.recent[1]?.chunk === chunk) return this.recent[1].rows;
    const rows = this.parseChunk(chunk);
    this.recent = [{ chunk, rows }, ...this.recent.slice(0, 1)];
    return rows;
  }

  /**
   * Parses the rows of one chunk (its start is known once the chunk before it was read) and notes where the next starts.
   * Papaparse is given a stretch of text about twice the chunk's size, not the whole rest of the file (it searches that
   * for the next quote: a 400,000-line file without quotes took 1.7 times as long as read whole); the stretch's last
   * line, which may be cut short, is left out (ignoreLastRow), and a stretch holding fewer whole rows than a chunk is
   * doubled until it does or reaches the end of the text.
   */
  private parseChunk(chunk: number): string[][] {
    const start = this.starts[chunk];
    for (let width = this.width; ; width *= 2) {
      const isLast = start + width >= this.text.length;
      const stretch = isLast ? this.text.substring(start) : this.text.substring(start, start + width);
      const result = this.parser.parse(stretch, 0, !isLast) as Papa.ParseResult<string[]>;
      if (result.data.length === this.chunkRows || isLast) {
        this.starts[chunk + 1] ??= start + result.meta.cursor;
        return cleanRows(result.data);
      }
    }
  }
}

/** Reads a file's text into rows a chunk at a time (see TableRows), with the delimiter parseTable would choose. */
export function readTable(text: string): TableRows {
  return new TableRows(text, chooseDelimiter(text));
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
