import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../shared/import/decode';
import { filledCount, parseTable, readTable, TableRows } from '../../../shared/import/table';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'import');

function fixtureFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? fixtureFiles(path.join(dir, entry.name)) : /\.(csv|tsv)$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
    );
}

/** Every row of a TableRows read in order, then the same rows read backwards (chunks parsed again). */
function rowsOf(table: TableRows): { forward: string[][]; backward: string[][] } {
  const forward = table.slice(0, table.length);
  const backward: string[][] = [];
  for (let i = table.length - 1; i >= 0; i--) backward.unshift(table.at(i)!);
  return { forward, backward };
}

describe('TableRows', () => {
  it('reads every fixture file into the rows parseTable reads, with the same delimiter', () => {
    const files = fixtureFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = decodeBytes(fs.readFileSync(file)).text;
      const whole = parseTable(text);
      for (const chunkRows of [1, 3, 250]) {
        const table = new TableRows(text, whole.delimiter, chunkRows);
        const { forward, backward } = rowsOf(table);
        expect(forward, `${path.relative(FIXTURES, file)} in chunks of ${chunkRows}`).toEqual(whole.rows);
        expect(backward).toEqual(whole.rows);
        whole.rows.forEach((row, i) => expect(table.filledCount(i, 3)).toBe(filledCount(row, 3)));
      }
      expect(readTable(text).delimiter).toBe(whole.delimiter);
    }
  });

  it('agrees with parseTable on any text, quotes and line breaks across chunk boundaries included', () => {
    // Cells of letters, spaces, delimiters, quotes (closed, doubled or left open) and every kind of line break, and
    // long ones, so that a row is sometimes longer than the stretch of text papaparse is first given for a chunk.
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      ',',
      ';',
      '\t',
      '"',
      '""',
      '"x,y"',
      '"line\nbreak"',
      '\n',
      '\r\n',
      '\r',
      '\u00a0',
      'long cell '.repeat(12),
      `"${'quoted, with a line break\n'.repeat(6)}"`,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 5 }), (pieces, chunkRows) => {
        const text = pieces.join('');
        const whole = parseTable(text);
        const table = new TableRows(text, whole.delimiter, chunkRows);
        expect(table.length).toBe(whole.rows.length);
        const { forward, backward } = rowsOf(table);
        expect(forward).toEqual(whole.rows);
        expect(backward).toEqual(whole.rows);
        expect(table.at(-1)).toBeUndefined();
        expect(table.at(table.length)).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a large file a chunk at a time: the rows at chunk boundaries, and no trailing empty rows', () => {
    const lines = ['Symbol,Name,Quantity'];
    for (let i = 0; i < 1_234; i++) lines.push(i % 100 === 7 ? `S${i},"Name with ""quotes"",\nand a break",${i}` : `S${i},Name ${i},${i}`);
    const text = lines.join('\r\n') + '\r\n\r\n,,\r\n';
    const table = readTable(text);
    expect(table.length).toBe(1_235);
    expect(table.at(0)).toEqual(['Symbol', 'Name', 'Quantity']);
    expect(table.at(8)).toEqual(['S7', 'Name with "quotes",\nand a break', '7']);
    expect(table.at(250)).toEqual(['S249', 'Name 249', '249']);
    expect(table.at(251)).toEqual(['S250', 'Name 250', '250']);
    expect(table.at(1_234)).toEqual(['S1233', 'Name 1233', '1233']);
    expect(table.slice(0, table.length)).toEqual(parseTable(text).rows);
  });
});
