import { SESSION_SETTINGS } from './session-settings';
import path from 'node:path';
import type { DataSourceOptions, MixedList } from 'typeorm';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-pool';
import { PinoTypeOrmLogger } from './query-counter';
import { SnakeNamingStrategy } from './snake-naming.strategy';

let embedded: { dir: string; db: EmbeddedDatabase } | null = null;

/** One embedded database per process and data folder: PGlite allows a single instance per folder. */
export function embeddedDatabase(dataDir: string): EmbeddedDatabase {
  const dir = dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir, 'pg');
  if (embedded && embedded.dir === dir) return embedded.db;
  embedded = { dir, db: new EmbeddedDatabase({ dataDir: dir }) };
  return embedded.db;
}

export function forgetEmbeddedDatabase(): void {
  embedded = null;
}

/**
 * TypeORM options for either a PostgreSQL server (DATABASE_URL) or the embedded engine. Migrations
 * run at start-up when RUN_MIGRATIONS is on; `synchronize` is never used.
 */
export function buildDataSourceOptions(
  config: AppConfig,
  logger: Logger,
  extra: { entities?: MixedList<string | Function>; migrations?: MixedList<string | Function> } = {},
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    synchronize: false,
    migrationsRun: config.RUN_MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    migrations: extra.migrations ?? [],
    entities: extra.entities ?? [],
    logger: new PinoTypeOrmLogger(logger),
    maxQueryExecutionTime: 1000,
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
  };
  if (config.DATABASE_URL) {
    const options = Object.entries(SESSION_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    return { ...common, url: config.DATABASE_URL, poolSize: 10, extra: { options } };
  }
  return { ...common, driver: embeddedDatabase(config.DATA_DIR).pgModule(), poolSize: 1 } as DataSourceOptions;
}
