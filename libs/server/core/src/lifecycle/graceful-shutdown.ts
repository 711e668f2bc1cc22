import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * On SIGTERM/SIGINT: stop accepting connections, let requests and running jobs finish (Nest's
 * shutdown hooks close the HTTP server, the job queue and the database pool), then exit 0.
 * A second signal or the timeout forces the exit.
 */
export function exitGracefullyOnSignals(app: INestApplicationContext, logger: Logger, timeoutMs = 25_000): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app
      .close()
      .then(() => {
        logger.info('shut down cleanly');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
