import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, Clock, createLogger, FixedClock, forgetEmbeddedDatabase, loadConfig } from '@prm/server/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../app/create-app';
import { DemoSeedService } from '../app/demo-seed.service';
import { DEMO_PASSWORD } from '../app/demo-data';
import { createTestDatabase, testMode } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: Record<string, string[]> };
  path?: (string | number)[];
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GqlError[];
  headers: Record<string, string | string[] | undefined>;
}

export interface Auth {
  token?: string;
  apiKey?: string;
  cookie?: string;
}

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  clock: FixedClock;
  mode: 'server' | 'embedded';
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, auth?: Auth): Promise<GqlResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  seedDemo(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real application (real migrations, real guard, real GraphQL) on a fresh PostgreSQL
 * database, or on an in-memory embedded database when PRM_TEST_DB=embedded.
 */
export async function startTestApp(options: { env?: Record<string, string>; now?: Date } = {}): Promise<TestApp> {
  const mode = testMode();
  const database = mode === 'server' ? await createTestDatabase() : null;
  forgetEmbeddedDatabase();
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    ARGON2_MEMORY_KIB: '1024',
    RUN_WORKERS: 'false',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    DEMO_MODE: 'false',
    ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: 'memory://' }),
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? new Date());
  const app = await createApp({ config, logger: createLogger(config.LOG_LEVEL), clock, servePortal: false });
  await app.init();
  const server = app.getHttpServer();

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GqlResponse<T>> => {
    let req = request(server).post('/graphql').set('Content-Type', 'application/json');
    if (auth.token) req = req.set('Authorization', `Bearer ${auth.token}`);
    if (auth.apiKey) req = req.set('X-Api-Key', auth.apiKey);
    if (auth.cookie) req = req.set('Cookie', auth.cookie);
    const res = await req.send({ query, variables });
    const body = res.body as { data?: T | null; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  };

  return {
    app,
    dataSource: app.get(DataSource),
    clock: app.get(Clock) as FixedClock,
    mode,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { accessToken: string } }>(
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { email, password } },
      );
      if (!res.data) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
      return res.data.login.accessToken;
    },
    async seedDemo() {
      await app.get(DemoSeedService).seedIfEmpty();
    },
    async close() {
      await app.close();
      if (database) await database.drop();
    },
  };
}

/** The error code of the first GraphQL error (or null when the operation succeeded). */
export const codeOf = (res: GqlResponse<unknown>): string | null => res.errors?.[0]?.extensions?.code ?? null;
