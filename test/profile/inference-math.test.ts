// The small linear algebra and Φ the inference model stands on.
import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskyInverse,
  choleskySolve,
  normalCdf,
} from '../../src/profile/inference-math.ts';

const A = { n: 3, data: Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]) };

describe('inference linear algebra', () => {
  it('solves a positive definite system through its Cholesky factor', () => {
    const l = cholesky(A);
    expect(l).not.toBeNull();
    const b = [1, -2, 0.5];
    const x = choleskySolve(l!, b);
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let j = 0; j < 3; j++) s += A.data[i * 3 + j]! * x[j]!;
      expect(s).toBeCloseTo(b[i]!, 12);
    }
  });

  it('inverts so that A times its inverse is the identity', () => {
    const inv = choleskyInverse(cholesky(A)!);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += A.data[i * 3 + k]! * inv.data[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(cholesky({ n: 2, data: Float64Array.from([1, 2, 2, 1]) })).toBeNull();
  });
});

describe('normalCdf', () => {
  it('is one half at zero and symmetric', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const z of [0.3, 1, 2.2, 5]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
  });

  it('puts 5% in each tail beyond ±1.6449 and matches tabled values', () => {
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 12);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
  });
});
