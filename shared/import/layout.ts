import { isHeaderRow } from './headers';
import { isBlankRow, type Rows, type TableRows } from './table';

/** One table inside a file: its header line, its data lines and the title lines above it. */
export interface Block {
  headerIndex: number;
  header: string[];
  /** Index after the last data line. */
  end: number;
  title: string;
}

const MAX_PREAMBLE = 40;

function titleAbove(rows: Rows, headerIndex: number, floor: number): string {
  const lines: string[] = [];
  for (let i = headerIndex - 1; i >= floor && lines.length < 3; i--) {
    const filled = rows.at(i)!.filter((c) => c.trim() !== '');
    if (filled.length === 0) continue;
    if (filled.length > 2) break;
    lines.unshift(filled.join(' ').trim());
  }
  return lines.join(' | ');
}

/**
 * Finds the tables in a file: the first header within the first lines (after any preamble),
 * then every later header line (Vanguard's transactions block, Schwab's per-account sections).
 */
export function findBlocks(rows: TableRows): Block[] {
  const first = rows.slice(0, MAX_PREAMBLE).findIndex((r) => !isBlankRow(r) && isHeaderRow(r));
  if (first < 0) return [];
  const starts = [first];
  for (let i = first + 1; i < rows.length; i++) {
    // Only a line after a blank or title line can start a new table (how full each row is was counted as it was read).
    const isAfterBreak = rows.filledCount(i - 1, 3) <= 2;
    if (!isAfterBreak || rows.filledCount(i, 1) === 0) continue;
    const row = rows.at(i)!;
    if (row.length > 1 && isHeaderRow(row)) starts.push(i);
  }
  return starts.map((start, k) => {
    const next = starts[k + 1] ?? rows.length;
    let end = next;
    if (k + 1 < starts.length) {
      // Title lines of the next block belong to it, not to this one.
      while (end - 1 > start && rows.filledCount(end - 1, 3) <= 2) end--;
    }
    return {
      headerIndex: start,
      header: rows.at(start)!.map((c) => c.trim()),
      end,
      title: titleAbove(rows, start, k === 0 ? 0 : start - 4),
    };
  });
}

/** A short stable hash of a string (FNV-1a), for layout keys. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
