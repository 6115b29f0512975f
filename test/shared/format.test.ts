import { describe, expect, it } from 'vitest';
import { countOf, formatMoney, formatPercent, listNames } from '../../shared/format';

describe('display formatting', () => {
  it('counts with the right noun form', () => {
    expect([countOf(0, 'shock'), countOf(1, 'shock'), countOf(26, 'position'), countOf(100_000, 'position')]).toEqual([
      '0 shocks',
      '1 shock',
      '26 positions',
      '100,000 positions',
    ]);
  });

  it('lists a few names in full and counts the rest', () => {
    expect(listNames(['IRA', 'Taxable'])).toBe('IRA, Taxable');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B, C');
    expect(listNames(Array.from({ length: 20 }, (_, i) => `Account ${i}`))).toBe('Account 0, Account 1, Account 2 and 17 more');
  });

  it('formats money with its currency and shares as percentages', () => {
    expect(formatMoney(626964.286, 'USD')).toBe('$626,964.29');
    expect(formatMoney(-33190.28, 'EUR', 0)).toBe('−€33,190');
    expect(formatMoney(-0.004, 'USD')).toBe('$0.00');
    expect(formatPercent(0.0885)).toBe('8.85%');
    expect(formatPercent(-0.0033)).toBe('\u22120.33%');
    expect(formatPercent(-0.00001)).toBe('0.00%');
  });
});
