import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

export interface ParsedError {
  code: ErrorCode;
  /** The server's own message, in English. */
  message: string;
  /** Field path → messages, for BAD_USER_INPUT. */
  fields: Record<string, string[]>;
}

function parseFields(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return {};
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) fields[key] = messages.filter((m): m is string => typeof m === 'string');
  }
  return fields;
}

export function parseError(error: ErrorLike | null | undefined): ParsedError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    const fields: Record<string, string[]> = {};
    for (const e of error.errors) Object.assign(fields, parseFields(e.extensions?.['fields']));
    return {
      code: isErrorCode(code) ? code : code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? error.message,
      fields,
    };
  }
  if (ServerError.is(error)) {
    const byStatus: Record<number, ErrorCode> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMITED' };
    return { code: byStatus[error.statusCode] ?? 'INTERNAL_SERVER_ERROR', message: error.message, fields: {} };
  }
  return { code: 'NETWORK', message: error.message, fields: {} };
}

/** For errors caught from a rejected mutation promise, which TypeScript types as unknown. */
export const asErrorLike = (error: unknown): ErrorLike => (error instanceof Error ? error : new Error(String(error)));
