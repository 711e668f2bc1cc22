import { type Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';

let issued = 0;

/** Statements issued by this process so far; tests compare deltas to prove a list costs a constant number of queries. */
export function queriesIssued(): number {
  return issued;
}

/** TypeORM logger: counts statements and sends slow queries, failures and migrations to pino. */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {
    issued += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query: query.slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ typeorm: message }, 'typeorm warning');
  }
}
