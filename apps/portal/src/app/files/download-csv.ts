import type { ApolloClient } from '@apollo/client';
import { bearerHeader } from '../auth/session-store';
import { refreshSession } from '../auth/session';
import { saveBlob } from './save-file';

/** A failed CSV download, with the HTTP status (403: not allowed, 401: signed out, 429: too many requests). */
export class ExportError extends Error {
  constructor(readonly status: number) {
    super(`Export failed with HTTP ${status}`);
  }
}

/** Query parameters of an export: empty values are left out; a list is sent comma-separated. */
export type CsvExportParams = Record<string, string | readonly string[] | null | undefined>;

/** The file name from a Content-Disposition header (RFC 6266 `filename*` first), or the fallback. */
export function filenameFromDisposition(header: string | null, fallback = 'export.csv'): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** `path` with the non-empty parameters as a query string, e.g. `/api/exports/leads.csv?statuses=OPEN,ASSIGNED`. */
export function csvExportUrl(path: string, params: CsvExportParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.filter(Boolean).join(',') : typeof value === 'string' ? value.trim() : '';
    if (text) query.set(key, text);
  }
  const search = query.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

/**
 * Downloads a server CSV export (`/api/exports/…`) with the signed-in user's token and saves it under
 * the server's file name; an expired token is refreshed once. Returns the file name.
 */
export async function downloadCsv(client: ApolloClient, path: string, params: CsvExportParams = {}): Promise<string> {
  const url = csvExportUrl(path, params);
  const request = () => fetch(url, { headers: { ...bearerHeader(), accept: 'text/csv' }, credentials: 'same-origin' });
  let response = await request();
  if (response.status === 401 && (await refreshSession(client))) response = await request();
  if (!response.ok) throw new ExportError(response.status);
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), path.split('/').pop() || undefined);
  saveBlob(await response.blob(), filename);
  return filename;
}
