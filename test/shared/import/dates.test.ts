import { describe, expect, it } from 'vitest';
import { guessDateOrder, parseDate } from '../../../shared/import/dates';

describe('parseDate', () => {
  it.each([
    ['10/14/2024', 'MDY', '2024-10-14'],
    ['10/14/2024 as of 10/10/2024', 'MDY', '2024-10-14'],
    ['19-12-2022', 'DMY', '2022-12-19'],
    ['14.10.2024', 'DMY', '2024-10-14'],
    ['2024-10-14', 'MDY', '2024-10-14'],
    ['2023-09-22T13:30:10.514Z', 'MDY', '2023-09-22'],
    ['2023-12-18 14:30:03.613', 'MDY', '2023-12-18'],
    ['20230522', 'YMD', '2023-05-22'],
    ['20230522;153000', 'YMD', '2023-05-22'],
    ['14 Oct 2024', 'MDY', '2024-10-14'],
    ['Oct 14, 2024', 'MDY', '2024-10-14'],
    ['1/2/24', 'MDY', '2024-01-02'],
  ] as const)('%s (%s) → %s', (raw, order, expected) => {
    expect(parseDate(raw, order)).toBe(expected);
  });

  it.each(['', 'yesterday', '2024-02-30', '13/13/2024', '99999999', 'Date downloaded'])('%j is not a date', (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it('guesses day-first when a day above 12 comes first', () => {
    expect(guessDateOrder(['01-02-2024', '19-12-2022'])).toBe('DMY');
    expect(guessDateOrder(['10/14/2024'])).toBe('MDY');
    expect(guessDateOrder(['01-02-2024'])).toBe('DMY');
  });
});
