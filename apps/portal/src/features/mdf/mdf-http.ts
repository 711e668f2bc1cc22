import type { ApolloClient } from '@apollo/client';
import { refreshSession } from '../../app/auth/session';
import { bearerHeader } from '../../app/auth/session-store';
import { ERROR_CODES, type ErrorCode, type ParsedError } from '../../app/errors/graphql-errors';
import { filenameFromDisposition } from '../../app/files/download-csv';
import { saveBlob } from '../../app/files/save-file';

const BY_STATUS: Record<number, ErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };

/**
 * The MDF HTTP routes answer errors as `{ error: { code, message, fields } }` — the same code,
 * message and per-field messages a GraphQL error carries in its extensions — so forms show them alike.
 */
export function parseHttpError(status: number, body: unknown): ParsedError {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : null;
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = record['code'];
  const fields: Record<string, string[]> = {};
  const rawFields = record['fields'];
  if (typeof rawFields === 'object' && rawFields !== null) {
    for (const [key, messages] of Object.entries(rawFields)) {
      if (Array.isArray(messages)) fields[key] = messages.filter((m): m is string => typeof m === 'string');
    }
  }
  return {
    code: typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : (BY_STATUS[status] ?? (status === 0 ? 'NETWORK' : 'INTERNAL_SERVER_ERROR')),
    message: typeof record['message'] === 'string' ? record['message'] : `HTTP ${status}`,
    fields,
  };
}

/** A refused call to an MDF HTTP route, with the answer parsed like a GraphQL error. */
export class MdfHttpError extends Error {
  constructor(readonly parsed: ParsedError) {
    super(parsed.message);
  }
}

/** A proof file through the authenticated download route, saved under its uploaded name. */
export async function downloadProofFile(client: ApolloClient, id: string, fallbackName: string): Promise<void> {
  const request = () => fetch(`/api/mdf/files/${encodeURIComponent(id)}`, { headers: bearerHeader(), credentials: 'same-origin' });
  let response = await request();
  if (response.status === 401 && (await refreshSession(client))) response = await request();
  if (!response.ok) throw new MdfHttpError(parseHttpError(response.status, await response.json().catch(() => null)));
  saveBlob(await response.blob(), filenameFromDisposition(response.headers.get('content-disposition'), fallbackName));
}

export interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * One multipart POST through XMLHttpRequest, because fetch reports no upload progress.
 * `onProgress` receives the fraction of the body sent (0..1).
 */
function sendMultipart(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(bearerHeader())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(form);
  });
}

/**
 * Sends a claim (JSON field `claim`) with its proof files (`files`) to a multipart MDF route; an
 * expired token is refreshed once and the upload repeated. Resolves with the answer or throws MdfHttpError.
 */
export async function uploadClaim(client: ApolloClient, url: string, claim: object, files: readonly File[], onProgress: (fraction: number) => void): Promise<unknown> {
  const form = new FormData();
  form.append('claim', JSON.stringify(claim));
  for (const file of files) form.append('files', file, file.name);
  let answer = await sendMultipart(url, form, onProgress);
  if (answer.status === 401 && (await refreshSession(client))) {
    onProgress(0);
    answer = await sendMultipart(url, form, onProgress);
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  throw new MdfHttpError(parseHttpError(answer.status, answer.body));
}
