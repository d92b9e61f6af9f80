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
 * The standard normal CDF Φ(z). Uses the complementary error function of Numerical Recipes
 * (Chebyshev fit, relative error below 1.2e-7), which stays accurate far into the tails where
 * 1 − erf(x) would cancel.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = -z / Math.SQRT2;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.5 * ax);
  const poly =
    -ax * ax -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfcAx = t * Math.exp(poly);
  const erfcX = x >= 0 ? erfcAx : 2 - erfcAx;
  return 0.5 * erfcX;
}

/** z of the two-sided 90% interval: Φ(1.6449) = 0.95. */
export const Z90 = 1.6448536269514722;
