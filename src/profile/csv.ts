// CSV tables of the export, written with papaparse. Cells that a spreadsheet would run as a
// formula are escaped, because story text is authored by strangers.
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;

export function toCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** Reads a CSV written by toCsv back into objects keyed by column (tests and tools). */
export function fromCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data;
}
