import { describe, expect, it } from 'vitest';
import { countOf, formatMoney, formatPercent } from '../../shared/format';

describe('display formatting', () => {
  it('counts with the right noun form', () => {
    expect([countOf(0, 'shock'), countOf(1, 'shock'), countOf(26, 'position')]).toEqual(['0 shocks', '1 shock', '26 positions']);
  });

  it('formats money with its currency and shares as percentages', () => {
    expect(formatMoney(626964.286, 'USD')).toBe('$626,964.29');
    expect(formatMoney(-33190.28, 'EUR', 0)).toBe('-€33,190');
    expect(formatPercent(0.0885)).toBe('8.85%');
  });
});
