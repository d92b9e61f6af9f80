// Reads an exported CSV back into objects keyed by column, as a spreadsheet would.
import Papa from 'papaparse';

export function fromCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
