/** One CSV cell: text, a number, or nothing. */
export type CsvCell = string | number | null;

// A spreadsheet runs a cell starting with one of these as a formula: a mention text could carry one.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A panel's data as RFC 4180 CSV: comma-separated, dot decimals and ISO times so any tool reads it the
 * same in every locale, CRLF line ends, and a byte-order mark so Excel opens it as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
