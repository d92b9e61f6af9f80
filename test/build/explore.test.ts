// The story explorer on fixtures whose endings, unreachable knots and loops are known.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileInk } from '../../src/build/compile-ink.ts';
import { exploreJson, flowOfPath } from '../../src/build/explore.ts';

const authoring = resolve(import.meta.dirname, '../fixtures/authoring');
const jsonOf = (id: string) => {
  const json = compileInk(join(authoring, id, 'main.ink'), { countAllVisits: true }).json;
  if (json === null) throw new Error(`${id} does not compile`);
  return json;
};

describe('exploreJson', () => {
  const report = exploreJson(jsonOf('explore'), { seed: 7, runs: 40 });

  it('finds every reachable ending with a shortest path to it', () => {
    expect(report.endings.map((e) => e.path)).toEqual(['left', 'lose']);
    expect(report.endings.find((e) => e.path === 'left')?.choices).toEqual([0]);
  });

  it('lists the knots no playthrough visits', () => {
    expect(report.unvisited).toEqual(['secret']);
  });

  it('counts decisions per finished playthrough', () => {
    expect(report.decisions).toMatchObject({ min: 1, max: 2 });
  });

  it('reports a loop with no way out where it cycles', () => {
    expect(report.loops.map((l) => l.at)).toEqual(['trap']);
    expect(report.loops[0]?.choices[0]).toBe(2);
  });

  it('gives the same report for the same seed', () => {
    expect(exploreJson(jsonOf('explore'), { seed: 7, runs: 40 })).toEqual(report);
  });

  it('reports a runtime error with the choices that led to it', () => {
    const r = exploreJson(jsonOf('explore-error'), { seed: 1, runs: 10 });
    const call = r.errors.find((e) => e.message.includes("EXTERNAL function 'roll'"));
    expect(call?.choices).toEqual([1]);
    expect(call?.at).toBe('start');
  });

  it('reduces an ink path to its knot and stitch', () => {
    expect(flowOfPath('right.door.0.c-1')).toBe('right.door');
    expect(flowOfPath('hub.0.6')).toBe('hub');
  });
});
