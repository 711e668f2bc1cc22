import { DomainError } from '@prm/domain/common';
import { parse } from 'csv-parse/sync';

export interface CsvRowError {
  row: number;
  column: string;
  message: string;
}

/** One data row of an uploaded CSV, read by column name (header row normalised to snake_case). */
export interface CsvRow {
  /** Line number in the file; the header is line 1. */
  row: number;
  get(column: string): string;
}

/**
 * Parses an uploaded CSV with a header row. Refuses (BAD_USER_INPUT on `csv`) a file that is not
 * CSV, lacks a required column, or has more than `maxRows` rows; row-level checks are the caller's.
 */
export function readCsv(csv: string, columns: { required: readonly string[]; optional: readonly string[] }, maxRows: number): CsvRow[] {
  // A file saved in another encoding (e.g. Windows-1252) and read as UTF-8 carries replacement characters.
  const unreadable = csv.indexOf('\uFFFD');
  if (unreadable >= 0) {
    const line = csv.slice(0, unreadable).split('\n').length;
    throw new DomainError('BAD_USER_INPUT', 'The file is not UTF-8 text.', {
      csv: [`Line ${line} holds a character that could not be read. Save the file as "CSV UTF-8" and upload it again.`],
    });
  }
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : 'The file is not valid CSV.';
    throw new DomainError('BAD_USER_INPUT', 'The file is not valid CSV.', { csv: [message] });
  }
  const [header, ...body] = records;
  const names = (header ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = columns.required.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new DomainError('BAD_USER_INPUT', 'The file needs a header row.', {
      csv: [`The first row must name the columns: ${[...columns.required, ...columns.optional].join(', ')} (${columns.required.join(', ')} required).`],
    });
  }
  if (body.length > maxRows) throw new DomainError('BAD_USER_INPUT', 'The file has too many rows.', { csv: [`At most ${maxRows} rows per file.`] });
  return body.map((record, index) => ({
    row: index + 2,
    get: (column: string) => {
      const i = names.indexOf(column);
      return i < 0 ? '' : (record[i] ?? '').trim();
    },
  }));
}
