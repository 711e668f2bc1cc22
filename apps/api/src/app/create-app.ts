import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createValidationPipe, PinoNestLogger, requestLogging } from '@prm/server/core';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule, type AppModuleOptions } from './app.module';

const API_PREFIXES = ['/graphql', '/api/', '/health'];

export function portalDir(configured?: string): string | null {
  const candidates = [configured, path.resolve(__dirname, '../../../portal'), path.resolve(process.cwd(), 'dist/apps/portal')];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

/** Builds the api (not yet listening): middleware, validation, the built portal on the same origin. */
export async function createApp(options: AppModuleOptions & { servePortal?: boolean }): Promise<NestExpressApplication> {
  const { config, logger } = options;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  // CSV imports (house accounts, leads) arrive as GraphQL variables of up to 5 MB; the default limit is 100 kB.
  app.useBodyParser('json', { limit: '6mb' });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());

  const dir = options.servePortal === false ? null : portalDir(config.PORTAL_DIST);
  if (dir) {
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes fall back to index.html; API paths never do.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p))) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
    });
  } else if (options.servePortal !== false) {
    logger.warn('portal build not found; run `npm run build` to serve the portal');
  }
  return app;
}
