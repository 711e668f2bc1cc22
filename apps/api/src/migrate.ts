import 'reflect-metadata';
import { buildDataSourceOptions, createLogger, loadConfig } from '@prm/server/core';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** `npm run db:migrate` (and the Kubernetes migration Job): applies, or with `--revert` undoes the last, migration. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, RUN_MIGRATIONS: 'false' });
  const logger = createLogger(config.LOG_LEVEL);
  const dataSource = new DataSource(buildDataSourceOptions(config, logger, { migrations: MIGRATIONS }));
  await dataSource.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.info('reverted the last migration');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      logger.info({ applied: applied.map((m) => m.name) }, applied.length ? 'migrations applied' : 'database is up to date');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`migration failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
