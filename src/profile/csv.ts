// CSV tables of the export. Cells that a spreadsheet would run as a formula are escaped here,
// because story text and imported data are authored by strangers.

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

/**
 * A cell as CSV text, quoted by papaparse's unparse rules (the format the export always had, and
 * the tests hold it to): quoted when it holds a comma, a quote, a line break or a byte-order mark,
 * or starts or ends with a space; quotes inside doubled.
 */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;
const QUOTE = /"/g;

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

function cellText(cell: Cell): string {
  const value = escapeCell(cell);
  return quoted(typeof value === 'string' ? value : String(value));
}

function lineOf(cells: readonly Cell[], width: number): string {
  let line = width > 0 ? cellText(cells[0] ?? null) : '';
  for (let c = 1; c < width; c++) line += `,${cellText(cells[c] ?? null)}`;
  return line;
}

/** The table as CSV: a header line, then one line per row, CRLF between lines and none at the end. */
export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // the header as written, never formula-escaped (the column names are the export's own)
  const lines = [columns.map(quoted).join(',')];
  for (const row of rows) lines.push(lineOf(row, columns.length));
  // papaparse wrote an empty table as its header and one empty line
  if (rows.length === 0) lines.push('');
  return lines.join('\r\n');
}
