/**
 * Sums carried in two doubles (a "double-double": a high part and the low part rounding left out of it), so a sum's
 * order no longer shows in its result. The engine sums by security and the slow reference evaluator position by
 * position; both carry their sums and products this way (Ogita, Rump and Oishi's Sum2 and Dot2: error-free twoSum and
 * Dekker's twoProduct) and round once at the end, so they land on the same double: the exact sum, rounded, unless it
 * lies within about 2⁻¹⁰⁰ of a halfway point between two doubles.
 *
 * Accumulators are pairs in a Float64Array (`acc[2i]` high, `acc[2i + 1]` low) so the hot loops allocate nothing.
 */

/** Veltkamp's splitter for doubles: 2²⁷ + 1. */
const SPLIT = 134_217_729;

/** The rounding error of `p = a * b`: a * b − p exactly (Dekker), for |a|, |b| well inside the double range. */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** acc[i] += x (Sum2: the high part's rounding error goes to the low part). */
export function ddAdd(acc: Float64Array, i: number, x: number): void {
  const hi = acc[2 * i];
  const s = hi + x;
  const b = s - hi;
  acc[2 * i + 1] += hi - (s - b) + (x - b);
  acc[2 * i] = s;
}

/** acc[i] += (xh + xl): a double-double added in. */
export function ddAddPair(acc: Float64Array, i: number, xh: number, xl: number): void {
  ddAdd(acc, i, xh);
  acc[2 * i + 1] += xl;
}

/** acc[i] += (xh + xl) × b (Dot2 for the high part; the low part's product is far below the result's last bit). */
export function ddAddProduct(acc: Float64Array, i: number, xh: number, xl: number, b: number): void {
  const p = xh * b;
  ddAdd(acc, i, p);
  acc[2 * i + 1] += productError(xh, b, p) + xl * b;
}

/** acc[i] += (xh + xl) × (yh + yl). */
export function ddAddProductPair(acc: Float64Array, i: number, xh: number, xl: number, yh: number, yl: number): void {
  const p = xh * yh;
  ddAdd(acc, i, p);
  acc[2 * i + 1] += productError(xh, yh, p) + xh * yl + xl * yh;
}

/**
 * acc[i] += (xh + xl) × ((1 + c)(1 + f) − 1), the move c composed with the currency's move f taken as c + f + c·f
 * exactly (docs/stress-semantics.md §4), not as the rounded double a product and a subtraction would give.
 */
export function ddAddComposed(acc: Float64Array, i: number, xh: number, xl: number, c: number, f: number): void {
  if (c !== 0) ddAddProduct(acc, i, xh, xl, c);
  if (f === 0) return;
  ddAddProduct(acc, i, xh, xl, f);
  if (c === 0) return;
  const cf = c * f;
  ddAddProduct(acc, i, xh, xl, cf);
  acc[2 * i + 1] += xh * productError(c, f, cf);
}

/** acc[i] rounded to one double. */
export const ddValue = (acc: Float64Array, i: number): number => acc[2 * i] + acc[2 * i + 1];

/** acc[i] as a double and what rounding it to one left out (so it can be carried on as a pair). */
export function ddSplit(acc: Float64Array, i: number): [number, number] {
  const x = acc[2 * i] + acc[2 * i + 1];
  return [x, acc[2 * i + 1] - (x - acc[2 * i])];
}
