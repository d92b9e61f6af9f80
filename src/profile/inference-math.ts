// Small dense linear algebra and the normal CDF for the inference model (dimensions are few).

/** A square matrix stored row-major in one array: entry (i, j) is at i * n + j. */
export interface SquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

export function identity(n: number): SquareMatrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { n, data };
}

/**
 * Lower-triangular Cholesky factor L with A = L Lᵀ, or null when A is not (numerically)
 * positive definite. Only the lower triangle of A is read.
 */
export function cholesky(a: SquareMatrix): SquareMatrix | null {
  const { n } = a;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diag = a.data[j * n + j] ?? 0;
    for (let k = 0; k < j; k++) {
      const ljk = l[j * n + k] ?? 0;
      diag -= ljk * ljk;
    }
    if (!(diag > 0) || !Number.isFinite(diag)) return null;
    const ljj = Math.sqrt(diag);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j] ?? 0;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0);
      l[i * n + j] = s / ljj;
    }
  }
  return { n, data: l };
}

/** Solves L Lᵀ x = b given the Cholesky factor L. */
export function choleskySolve(l: SquareMatrix, b: ArrayLike<number>): Float64Array {
  const { n } = l;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] ?? 0;
    for (let k = 0; k < i; k++) s -= (l.data[i * n + k] ?? 0) * (y[k] ?? 0);
    y[i] = s / (l.data[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (l.data[k * n + i] ?? 0) * (x[k] ?? 0);
    x[i] = s / (l.data[i * n + i] ?? 1);
  }
  return x;
}

/** The inverse of A from its Cholesky factor, one column at a time. */
export function choleskyInverse(l: SquareMatrix): SquareMatrix {
  const { n } = l;
  const data = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, e);
    for (let i = 0; i < n; i++) data[i * n + j] = col[i] ?? 0;
  }
  return { n, data };
}

/**
 * The standard normal CDF Φ(z), by Hart's rational approximation (1968) as arranged by West
 * (2005): double-precision accurate, exactly 0.5 at 0 and symmetric, and it works on the tail
 * directly so small probabilities do not cancel.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = Math.abs(z);
  let tail: number;
  if (x > 37) {
    tail = 0;
  } else if (x < 7.07106781186547) {
    const e = Math.exp((-x * x) / 2);
    let num = 3.52624965998911e-2 * x + 0.700383064443688;
    num = num * x + 6.37396220353165;
    num = num * x + 33.912866078383;
    num = num * x + 112.079291497871;
    num = num * x + 221.213596169931;
    num = num * x + 220.206867912376;
    let den = 8.83883476483184e-2 * x + 1.75566716318264;
    den = den * x + 16.064177579207;
    den = den * x + 86.7807322029461;
    den = den * x + 296.564248779674;
    den = den * x + 637.333633378831;
    den = den * x + 793.826512519948;
    den = den * x + 440.413735824752;
    tail = (e * num) / den;
  } else {
    const e = Math.exp((-x * x) / 2);
    let c = x + 0.65;
    c = x + 4 / c;
    c = x + 3 / c;
    c = x + 2 / c;
    c = x + 1 / c;
    tail = e / c / 2.506628274631;
  }
  return z > 0 ? 1 - tail : tail;
}

/** z of the two-sided 90% interval: Φ(1.6449) = 0.95. */
export const Z90 = 1.6448536269514722;
