import type { ApolloClient } from '@apollo/client';
import { bearerHeader } from '../../app/auth/session-store';
import { refreshSession } from '../../app/auth/session';
import { saveBlob } from '../../app/files/save-file';
import type { PartnerFilter } from '../../gql/graphql';

export class ExportError extends Error {
  constructor(readonly status: number) {
    super(`Export failed with HTTP ${status}`);
  }
}

const FALLBACK_NAME = 'partners.csv';

export function filenameFromDisposition(header: string | null): string {
  if (!header) return FALLBACK_NAME;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || FALLBACK_NAME;
}

export function exportUrl(filter: PartnerFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value) params.set(key, value);
  }
  const query = params.toString();
  return `/api/exports/partners.csv${query ? `?${query}` : ''}`;
}

/** Downloads the CSV with the current filters; an expired token is refreshed once. */
export async function exportPartnersCsv(client: ApolloClient, filter: PartnerFilter): Promise<string> {
  const url = exportUrl(filter);
  const request = () => fetch(url, { headers: { ...bearerHeader(), accept: 'text/csv' }, credentials: 'same-origin' });
  let response = await request();
  if (response.status === 401 && (await refreshSession(client))) response = await request();
  if (!response.ok) throw new ExportError(response.status);
  const filename = filenameFromDisposition(response.headers.get('content-disposition'));
  saveBlob(await response.blob(), filename);
  return filename;
}
