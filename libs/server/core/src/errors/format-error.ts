import { HttpException } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

// Codes Apollo itself assigns to request-level problems; their messages are safe to pass on.
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * One mapping from what went wrong to what the client sees: domain errors keep their code and
 * message, anything unexpected becomes INTERNAL_SERVER_ERROR with a generic message (and is logged).
 */
export function createErrorFormatter(logger: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.fields ? { fields: original.fields } : {}) },
      };
    }
    if (original instanceof HttpException) {
      const code = HTTP_CODES[original.getStatus()] ?? 'INTERNAL_SERVER_ERROR';
      return { message: original.message, path: formatted.path, extensions: { code } };
    }
    const code = String(formatted.extensions?.['code'] ?? '');
    if (PASS_THROUGH.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      message: exposeDetails && original instanceof Error ? original.message : 'Something went wrong on our side.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
