import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Structured request logs; each request carries an id (the caller's X-Request-Id when sane) echoed back. */
export function requestLogging(logger: Logger) {
  if (!logger.isLevelEnabled('info')) {
    // Request lines are info-level: above it, only assign the request id (pino-http costs ~4 % CPU per request).
    return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      (req as IncomingMessage & { requestId?: string }).requestId = id;
      next();
    };
  }
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      (req as IncomingMessage & { requestId?: string }).requestId = id;
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
