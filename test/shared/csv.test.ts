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
    ['', ''],
  ])('guards %j', (input, expected) => {
    expect(guardCell(input)).toBe(expected);
  });

  it('keeps negative numbers as numbers and quotes what needs quoting', () => {
    expect(toCsv(['Symbol', 'P&L', 'Note'], [['NVDA', -1000.5, 'a, "b"'], ['=cmd|x', null, 'line\nbreak']])).toBe(
      'Symbol,P&L,Note\r\nNVDA,-1000.5,"a, ""b"""\r\n\'=cmd|x,,"line\nbreak"\r\n',
    );
    expect(guardCell(Number.NaN)).toBe('');
  });
});
