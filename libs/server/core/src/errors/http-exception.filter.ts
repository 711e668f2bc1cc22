import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import type { Response } from 'express';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** Maps domain errors on plain HTTP routes (exports, health, ingestion) to a status and a JSON body. */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(STATUS[error.code] ?? 500)
      .json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } });
  }
}

