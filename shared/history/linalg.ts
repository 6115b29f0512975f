/** Small dense linear algebra for a handful of proxies: Cholesky factor and solves of symmetric positive-definite systems. */

/** Lower-triangular L with A = L Lᵀ, or null when A is not positive definite (e.g. collinear proxies). */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        // Relative tolerance: a pivot this small means one proxy is (almost) a combination of the others.
        if (!(sum > 1e-12 * Math.max(1e-300, Math.abs(a[i][i])))) return null;
        l[i][i] = Math.sqrt(sum);
      } else l[i][j] = sum / l[j][j];
    }
  }
  return l;
}

/** Solves (L Lᵀ) x = b given the Cholesky factor L. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** bᵀ A⁻¹ b for A = L Lᵀ: the squared length of L⁻¹ b. */
export function quadraticInverse(l: readonly (readonly number[])[], b: readonly number[]): number {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
    total += y[i] * y[i];
  }
  return total;
}
