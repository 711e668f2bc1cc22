export { DomainError, ERROR_CODES, FieldErrorCollector, isDomainError } from './domain-error';
export type { ErrorCode, FieldErrors } from './domain-error';
export { isPlausibleHost, normaliseDomain, normaliseEmail } from './domain-name';
export { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from './cursor';
export type { CursorValue } from './cursor';
export { hashSeed, seededRandom } from './seeded-random';
