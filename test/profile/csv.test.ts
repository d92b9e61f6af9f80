// CSV formula escaping: no cell of an export, read back, can start a spreadsheet formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { escapeCell, startsLikeFormula, toCsv } from '../../src/profile/csv.ts';
import { fromCsv } from './read-csv.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('CSV formula escaping', () => {
  it('escapes a formula even when a newline follows it', () => {
    const csv = toCsv(['a'], [['=HYPERLINK("http://x","y")\nx']]);
    expect(fromCsv(csv)[0]?.a).toBe(`'=HYPERLINK("http://x","y")\nx`);
  });

  it('escapes a formula hidden behind leading spaces', () => {
    expect(fromCsv(toCsv(['a'], [['  =1+1']]))[0]?.a).toBe("'  =1+1");
  });

  it('leaves plain text, numbers and booleans as they are', () => {
    const [row] = fromCsv(toCsv(['a', 'b', 'c', 'd'], [['Take the job', -3, true, null]]));
    expect(row).toEqual({ a: 'Take the job', b: '-3', c: 'true', d: '' });
  });

  it('never lets a text cell, parsed back, begin with a formula trigger unless escaped', () => {
    const trigger = fc.constantFrom(...TRIGGERS, ' =', ' \t', '\u00a0+');
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.tuple(trigger, fc.string({ unit: 'binary' })).map(([t, rest]) => t + rest),
      fc
        .tuple(trigger, fc.string(), fc.constantFrom('\n', '\r\n', '\r'), fc.string())
        .map(([t, a, nl, b]) => `${t}${a}${nl}${b}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const parsed = fromCsv(toCsv(['a', 'b'], rows));
          const cells = parsed.flatMap((r) => [r.a ?? '', r.b ?? '']);
          for (const cell of cells) {
            if (startsLikeFormula(cell)) return false;
          }
          // and every cell comes back as written, give or take the escape
          rows.forEach((row, i) => {
            row.forEach((cell, j) => {
              const back = (j === 0 ? parsed[i]?.a : parsed[i]?.b) ?? '';
              expect(back === cell || back === `'${cell}`).toBe(true);
            });
          });
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('CSV writing', () => {
  it('writes exactly what papaparse unparse wrote for the same table', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(' x', 'x ', 'a,b', 'say "hi"', '\ufeffbom', '=1', 'a\r\nb', ''),
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const table = fc
      .array(fc.stringMatching(/^[a-z_ ,"]{1,8}$/), { minLength: 1, maxLength: 5 })
      .chain((columns) =>
        fc.tuple(
          fc.constant(columns),
          fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), {
            maxLength: 8,
          }),
        ),
      );
    fc.assert(
      fc.property(table, ([columns, rows]) => {
        const reference = Papa.unparse(
          { fields: [...columns], data: rows.map((row) => row.map(escapeCell)) },
          { escapeFormulae: false, newline: '\r\n' },
        );
        expect(toCsv(columns, rows)).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });
});
