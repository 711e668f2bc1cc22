import 'reflect-metadata';
import { createLogger, loadConfig } from '@prm/server/core';
import { createApp } from './app/create-app';
import { DemoSeedService } from './app/demo-seed.service';

/** `npm run db:seed`: migrates and seeds the demo data set when the database is empty. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await createApp({ config, logger, servePortal: false });
  await app.init();
  const seeded = await app.get(DemoSeedService).seedIfEmpty();
  logger.info(seeded ? 'demo data seeded' : 'database already has data; nothing seeded');
  await app.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
