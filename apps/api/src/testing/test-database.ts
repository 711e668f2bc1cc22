import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const DEFAULT_TEST_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The admin URL of the PostgreSQL server tests use (TEST_DATABASE_URL, else a local server). */
export const testServerUrl = (): string => process.env['TEST_DATABASE_URL'] || DEFAULT_TEST_SERVER;

export const testMode = (): 'server' | 'embedded' => (process.env['PRM_TEST_DB'] === 'embedded' ? 'embedded' : 'server');

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database per test file, so files run in parallel without touching each other. */
export async function createTestDatabase(prefix = 'prm_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabase(testServerUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
