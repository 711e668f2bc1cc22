import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createLogger, exitGracefullyOnSignals, JobsService, loadConfig, PinoNestLogger } from '@prm/server/core';
import { AppModule } from './app/app.module';

/** Runs only the background workers (no HTTP), so they scale out separately from the api. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, logger }), { logger: new PinoNestLogger(logger) });
  exitGracefullyOnSignals(app, logger);
  await app.get(JobsService).start({ workers: true });
  logger.info('worker started');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
