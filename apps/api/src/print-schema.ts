import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createLogger, loadConfig } from '@prm/server/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from './app/create-app';

export const SCHEMA_FILE = path.resolve(__dirname, '../../../../apps/api/schema.gql');

/** The schema as the running api generates it (code-first), sorted, as committed in apps/api/schema.gql. */
export async function generateSchema(): Promise<string> {
  const config = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: 'memory://', NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  const app = await createApp({ config, logger: createLogger('warn'), servePortal: false });
  await app.init();
  try {
    return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const target = process.argv[2] ?? path.resolve(process.cwd(), 'apps/api/schema.gql');
  generateSchema()
    .then((sdl) => {
      fs.writeFileSync(target, sdl);
      process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
