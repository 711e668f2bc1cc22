import { QueryFailedError } from 'typeorm';

/** The SQLSTATE of a failed query ('23505' unique violation, '23514' check violation, …), if it is one. */
export const pgCode = (err: unknown): string | undefined =>
  err instanceof QueryFailedError ? (err.driverError as { code?: string } | undefined)?.code : undefined;
