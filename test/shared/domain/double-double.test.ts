import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddAdd, ddAddComposed, ddValue, productError } from '../../../shared/domain/double-double';

/** A double as an exact fraction: numerator × 2^-1074 (every finite double is one). */
const exact = (x: number): bigint => {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & ((1n << 52n) - 1n);
  const mantissa = e === 0 ? m : m | (1n << 52n);
  return sign * (mantissa << BigInt(Math.max(e, 1) - 1));
};

// Money-sized doubles (Dekker's product error needs products well above the smallest doubles).
const money = fc.double({ min: -1e7, max: 1e7, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-100);

describe('double-double sums', () => {
  it('a product error is exact: a × b = p + error to the last bit', () => {
    fc.assert(
      fc.property(money, money, (a, b) => {
        const p = a * b;
        // a × b exactly is exact(a) × exact(b) × 2^-1074 × 2^-1074; p + error must be that, on the 2^-2148 scale.
        expect(exact(a) * exact(b)).toBe((exact(p) + exact(productError(a, b, p))) << 1074n);
      }),
    );
  });

  it('sums the same numbers to the same double in any order (the rounding of each addition does not show)', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 2, maxLength: 60 }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (xs, keys) => {
        const shuffled = xs
          .map((x, i) => [keys[i], x] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, x]) => x);
        const sum = (list: readonly number[]) => {
          const acc = new Float64Array(2);
          for (const x of list) ddAdd(acc, 0, x);
          return ddValue(acc, 0);
        };
        expect(sum(shuffled)).toBe(sum(xs));
      }),
    );
  });

  it('0.1 + 0.2 − 0.3 is the exact sum of those three doubles', () => {
    const acc = new Float64Array(2);
    for (const x of [0.1, 0.2, -0.3]) ddAdd(acc, 0, x);
    // The three doubles add up to 2^-55 exactly; plain doubles give 2^-54.
    expect(ddValue(acc, 0)).toBe(2 ** -55);
    expect(0.1 + 0.2 - 0.3).toBe(2 ** -54);
  });

  it('a value × a move composed with its currency’s is x × (c + f + c·f) exactly, rounded once', () => {
    fc.assert(
      fc.property(money, fc.double({ min: -0.99, max: 2, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (x, c, f) => {
        fc.pre(Math.abs(c) > 1e-30 && Math.abs(f) > 1e-30);
        const acc = new Float64Array(2);
        ddAddComposed(acc, 0, x, 0, c, f);
        const r = ddValue(acc, 0);
        // Exactly, on the 2^-3222 scale: x·c + x·f (each 2^-2148) and x·c·f (2^-3222).
        const [X, C, F] = [exact(x), exact(c), exact(f)];
        const want = ((X * C + X * F) << 1074n) + X * C * F;
        const got = exact(r) << 2148n;
        const halfUlp = exact(r === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(r))) - 53)) << 2148n;
        const gap = want > got ? want - got : got - want;
        // Within half a unit in the last place (a hair more for a halfway point, which double-doubles may round either way).
        expect(gap <= halfUlp + (halfUlp >> 40n)).toBe(true);
      }),
    );
  });
});
