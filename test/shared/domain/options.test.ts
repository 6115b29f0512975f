import { describe, expect, it } from 'vitest';
import {
  blackScholes,
  normalCdf,
  occSymbol,
  optionLabel,
  parseOccSymbol,
  stressOption,
  yearsBetween,
  type OptionContract,
} from '../../../shared/domain/options';

// Reference values computed independently with Python's math.erfc (double precision), e.g.
// N = lambda x: 0.5 * erfc(-x / sqrt(2)); c = S N(d1) − K e^(−rT) N(d2).
describe('Black–Scholes', () => {
  it('matches the textbook example (Hull, Options, Futures and Other Derivatives, ex. 15.6: S 42, K 40, r 10%, σ 20%, T 0.5 → c 4.76, p 0.81) to 1e-9', () => {
    const call = blackScholes('call', 42, 40, 0.5, 0.2, 0.1);
    const put = blackScholes('put', 42, 40, 0.5, 0.2, 0.1);
    expect(call.price).toBeCloseTo(4.759422392871535, 9);
    expect(put.price).toBeCloseTo(0.8085993729000958, 9);
    expect(Math.round(call.price * 100) / 100).toBe(4.76);
    expect(Math.round(put.price * 100) / 100).toBe(0.81);
    expect(call.delta).toBeCloseTo(0.779131290942669, 9);
    expect(put.delta).toBeCloseTo(0.779131290942669 - 1, 9);
    expect(call.gamma).toBeCloseTo(0.04996267040591185, 12);
    // Put–call parity: c − p = S − K e^(−rT).
    expect(call.price - put.price).toBeCloseTo(42 - 40 * Math.exp(-0.05), 12);
  });

  it('has a normal distribution function accurate in the tails', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(0.3)).toBeCloseTo(0.6179114221889526, 14);
    expect(normalCdf(-5) / 2.866515718791946e-7).toBeCloseTo(1, 10);
    expect(normalCdf(-4.5) / 3.3976731247300615e-6).toBeCloseTo(1, 10);
  });

  it('values an expired option at intrinsic value, and refuses a zero volatility with the numbers it got', () => {
    expect(blackScholes('call', 120, 100, 0, 0.3, 0.04)).toEqual({ price: 20, delta: 1, gamma: 0, isExpired: true });
    expect(blackScholes('put', 120, 100, -0.1, 0.3, 0.04)).toEqual({ price: 0, delta: 0, gamma: 0, isExpired: true });
    expect(() => blackScholes('call', 100, 100, 0.5, 0, 0.04)).toThrow('volatility > 0 (got spot 100, strike 100, volatility 0');
  });
});

describe('OCC option symbols', () => {
  it('reads and writes them', () => {
    const c = parseOccSymbol('NVDA  250620C00150000');
    expect(c).toEqual({ underlying: 'NVDA', expiry: '2025-06-20', strike: 150, right: 'call', multiplier: 100 });
    expect(occSymbol(c!)).toBe('NVDA  250620C00150000');
    expect(parseOccSymbol('QQQ250117P00487500')).toMatchObject({ underlying: 'QQQ', strike: 487.5, right: 'put' });
    expect(optionLabel(c!)).toBe('NVDA 20 Jun 2025 150 C');
    expect(parseOccSymbol('NVDA  250231C00150000')).toBeNull();
    expect(parseOccSymbol('NVDA')).toBeNull();
  });
});

// 10 Jan → 30 Jun 2025 is 171 days; NVDA at 100, vol 48% (estimated), rate 4%.
const asOf = '2025-01-10';
const option = (right: OptionContract['right'], strike: number): OptionContract => ({
  underlying: 'NVDA',
  expiry: '2025-06-30',
  strike,
  right,
  multiplier: 100,
});
const shock = (underlyingChange: number) => ({ underlyingChange, asOf, volatility: 0.48, isVolatilityEstimated: true, rate: 0.04 });

describe('story: options under an NVDA shock', () => {
  it('a covered call loses less than the stock alone: the written call gains', () => {
    expect(yearsBetween(asOf, '2025-06-30')).toBe(171 / 365);
    const call = stressOption(option('call', 150), { contracts: -1, underlyingPrice: 100 }, shock(-0.1));
    expect(call.valueBefore).toBeCloseTo(-100 * 2.3224778302845728, 9);
    expect(call.valueAfter).toBeCloseTo(-100 * 1.1031172129610072, 9);
    const stock = 100 * 100 * -0.1;
    expect(stock + call.pnl).toBeCloseTo(-1000 + 100 * (2.3224778302845728 - 1.1031172129610072), 9);
    expect(call.why).toBe(
      'NVDA −10% → NVDA 30 Jun 2025 150 C −52.5% (delta 0.16, gamma 0.007, vol 48% estimated; Black–Scholes, European approximation, dividends ignored)',
    );
  });

  it('a written put loses far more than its premium in a crash', () => {
    const put = stressOption(option('put', 100), { contracts: -1, underlyingPrice: 100 }, shock(-0.6));
    const premium = 100 * 12.019727746378045;
    expect(put.valueBefore).toBeCloseTo(-premium, 9);
    expect(put.pnl).toBeCloseTo(-100 * (58.16290455903499 - 12.019727746378045), 9);
    expect(-put.pnl).toBeGreaterThan(3 * premium);
  });

  it('a bull call spread loses at most what it cost', () => {
    const long = stressOption(option('call', 100), { contracts: 1, underlyingPrice: 100 }, shock(-0.6));
    const short = stressOption(option('call', 120), { contracts: -1, underlyingPrice: 100 }, shock(-0.6));
    const debit = 100 * (13.876250653385277 - 7.0270484731828375);
    expect(long.valueBefore + short.valueBefore).toBeCloseTo(debit, 9);
    expect(long.pnl + short.pnl).toBeCloseTo(100 * (0.019427466042226726 - 0.0029810417299225775) - debit, 9);
    expect(long.pnl + short.pnl).toBeGreaterThan(-debit);
  });

  it('an expired option is valued at intrinsic value and says so', () => {
    const expired = stressOption(option('call', 80), { contracts: 2, underlyingPrice: 100 }, { ...shock(-0.1), asOf: '2025-07-01' });
    expect(expired.valueBefore).toBe(4000);
    expect(expired.valueAfter).toBeCloseTo(2000, 9);
    expect(expired.why).toBe(
      'NVDA −10% → NVDA 30 Jun 2025 80 C −50% (expired: intrinsic value; Black–Scholes, European approximation, dividends ignored)',
    );
  });
});
