import { describe, expect, it } from 'vitest';
import { CASH_EQUIVALENTS } from '../../../shared/domain/cash-equivalents';
import { LEVERAGED_ETFS, leveragedEtf, leveragedStandIns, multiplierText } from '../../../shared/domain/leveraged-etfs';

const rows = Object.values(LEVERAGED_ETFS);

describe('the bundled leveraged and inverse ETF list', () => {
  it("covers the major issuers' best-known products", () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.issuer)).size).toBeGreaterThanOrEqual(8);
    const facts = (s: string) => {
      const r = leveragedEtf(s)!;
      return [r.multiplier, r.standIn];
    };
    expect(facts('SOXL')).toEqual([3, 'SOXX']);
    expect(facts('TQQQ')).toEqual([3, 'QQQ']);
    expect(facts('SQQQ')).toEqual([-3, 'QQQ']);
    expect(facts('SH')).toEqual([-1, 'SPY']);
    expect(facts('NVDL')).toEqual([2, 'NVDA']);
    expect(facts('NVDU')).toEqual([2, 'NVDA']);
    expect(facts('TSLL')).toEqual([2, 'TSLA']);
    expect(facts('MSTU')).toEqual([2, 'MSTR']);
    expect(leveragedEtf('soxl')?.issuer).toBe('Direxion');
    expect(leveragedEtf('NVDA')).toBeNull();
  });

  it('gives every row a name, an underlying, a non-zero multiplier, a stand-in, a source and a date', () => {
    for (const r of rows) {
      expect(r.symbol, r.symbol).toMatch(/^[A-Z]{2,5}$/);
      expect(r.name.length, r.symbol).toBeGreaterThan(5);
      expect(r.underlying.length, r.symbol).toBeGreaterThan(2);
      expect(r.multiplier !== 0 && Math.abs(r.multiplier) <= 3, r.symbol).toBe(true);
      expect(r.standIn, r.symbol).toMatch(/^[A-Z]{1,5}$/);
      expect(r.standIn, r.symbol).not.toBe(r.symbol);
      expect(r.source, r.symbol).toMatch(/^https:\/\//);
      expect(r.asOf, r.symbol).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never lists a fund that is also a cash equivalent, nor a currency code as a ticker', () => {
    for (const r of rows) expect(Object.hasOwn(CASH_EQUIVALENTS, r.symbol), r.symbol).toBe(false);
    expect(leveragedEtf('USD')).toBeNull();
  });

  it('writes multipliers as people do and finds the stand-ins a book needs', () => {
    expect([3, -1, 1.5, -0.5].map(multiplierText)).toEqual(['3×', '−1×', '1.5×', '−0.5×']);
    expect(leveragedStandIns(['SOXL', 'SOXS', 'AAPL', 'NVDL'])).toEqual(['SOXX', 'NVDA']);
  });
});
