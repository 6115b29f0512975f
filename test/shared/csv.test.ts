import { describe, expect, it } from 'vitest';
import { guardCell, toCsv } from '../../shared/csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['NVDA', 'NVDA'],
    // A spreadsheet whose list separator is ";" (or a tab-separated paste) splits these, so every part is guarded.
    ["Apple;=cmd|' /C calc'!A0", "Apple;'=cmd|' /C calc'!A0"],
    ['a\t@SUM(A1)', "a\t'@SUM(A1)"],
    ['x,+1;-2\n=3', "x,'+1;'-2\n'=3"],
    ['Smith; Jones', 'Smith; Jones'],
    ['', ''],
  ])('guards %j', (input, expected) => {
    expect(guardCell(input)).toBe(expected);
  });

  it('keeps negative numbers as numbers and quotes what needs quoting', () => {
    expect(
      toCsv(
        ['Symbol', 'P&L', 'Note'],
        [
          ['NVDA', -1000.5, 'a, "b"'],
          ['=cmd|x', null, 'line\nbreak'],
        ],
      ),
    ).toBe('Symbol,P&L,Note\r\nNVDA,-1000.5,"a, ""b"""\r\n\'=cmd|x,,"line\nbreak"\r\n');
    expect(guardCell(Number.NaN)).toBe('');
  });

  it('quotes cells holding ";" or a tab, so a spreadsheet using either as its separator keeps them whole', () => {
    expect(toCsv(['Name'], [["Apple;=cmd|' /C calc'!A0"], ['a\tb'], ['plain']])).toBe(
      `Name\r\n"Apple;'=cmd|' /C calc'!A0"\r\n"a\tb"\r\nplain\r\n`,
    );
  });
});
