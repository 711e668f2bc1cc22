export type CsvValue = string | number | boolean | null | undefined;

/** Text that a spreadsheet would run as a formula (=, +, -, @) or that starts with a tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180). Cells that a spreadsheet could read as a formula get a leading apostrophe,
 * so a customer named "=HYPERLINK(…)" stays text when the file is opened in Excel or LibreOffice.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a header row; CRLF line ends and a byte-order mark so Excel reads UTF-8. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
