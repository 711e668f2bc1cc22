import 'reflect-metadata';
import { ConfigError, createLogger, exitGracefullyOnSignals, JobsService, loadConfig } from '@prm/server/core';
import { createApp } from './app/create-app';
import { DemoSeedService } from './app/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp({ config, logger });
  await app.init();
  exitGracefullyOnSignals(app, logger);
  if (config.demoMode) await app.get(DemoSeedService).seedIfEmpty();
  await app.get(JobsService).start({ workers: config.RUN_WORKERS });
  await app.listen(config.PORT, config.HOST);
  logger.info(
    { url: config.publicUrl, database: config.embedded ? `embedded (${config.DATA_DIR})` : 'server', demo: config.demoMode, workers: config.RUN_WORKERS },
    `partner portal listening on port ${config.PORT}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
