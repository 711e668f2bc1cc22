export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (e.g. `rules[1].min`) → human-readable messages. */
export type FieldErrors = Record<string, string[]>;

/**
 * The one error type domain code throws; the API maps `code` to a GraphQL extension / HTTP status,
 * so domain libraries never need to know about transports.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  // Left undefined (not {}) when absent so serialisers can omit the key entirely.
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (fields !== undefined) this.fields = fields;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/**
 * Collects per-field messages so a validator can report every problem at once
 * instead of failing on the first one.
 */
export class FieldErrorCollector {
  private readonly errors: FieldErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message);
  }

  get isEmpty(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  toObject(): FieldErrors {
    const copy: FieldErrors = {};
    for (const [field, messages] of Object.entries(this.errors)) copy[field] = [...messages];
    return copy;
  }

  /** Throws BAD_USER_INPUT carrying the collected fields; no-op when nothing was added. */
  throwIfAny(message: string): void {
    if (!this.isEmpty) throw new DomainError('BAD_USER_INPUT', message, this.toObject());
  }
}
