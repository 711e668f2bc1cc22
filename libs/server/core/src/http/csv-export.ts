import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab/CR) is prefixed with a quote —
 * except a plain negative number ("-25.00"), which is no formula and must stay a number.
 */
export function csvCell(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/**
 * Streams a CSV download from keyset batches, so memory stays flat whatever the size; stops reading
 * when the client goes away. Dates are written as ISO 8601 (UTC).
 */
export async function sendCsv<T>(
  req: Request,
  res: Response,
  filename: string,
  columns: readonly string[],
  batches: AsyncIterable<T[]>,
  valueOf: (row: T, column: string) => unknown,
): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}-${new Date().toISOString().slice(0, 10)}.csv"`);
  const csv = stringify({ header: true, columns: [...columns], cast: { date: (d) => d.toISOString(), bigint: (b) => b.toString() } });
  csv.pipe(res);
  let aborted = false;
  req.on('close', () => (aborted = true));
  for await (const batch of batches) {
    if (aborted) break;
    for (const row of batch) csv.write(columns.map((c) => csvCell(valueOf(row, c))));
  }
  csv.end();
}
