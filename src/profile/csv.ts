// CSV tables of the export, written with papaparse. Cells that a spreadsheet would run as a
// formula are escaped here, because story text and imported data are authored by strangers.
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;

// papaparse's own escapeFormulae tests /^[=+\-@\t\r].*$/, which fails on any value holding a
// newline (`.` stops at it), so `=HYPERLINK(…)\nx` went out unescaped. The test here looks only at
// the start of the text, after any spaces a spreadsheet would skip.
const FORMULA_START = /^[ \u00a0]*[=+\-@\t\r]/;

/** True when a spreadsheet could read `text` as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell a spreadsheet shows as text: a leading `'` when it could run as a formula. */
export function escapeCell(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  return startsLikeFormula(cell) ? `'${cell}` : cell;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map(escapeCell)) },
    { escapeFormulae: false, newline: '\r\n' },
  );
}
