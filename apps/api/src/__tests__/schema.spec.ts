import fs from 'node:fs';
import path from 'node:path';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ALLOW_KEY } from '@prm/server/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, type TestApp } from '../testing/test-app';

// @nestjs/graphql's metadata keys for @Query/@Mutation handlers.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

describe('GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('declares who may call every query and mutation (deny by default)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const operations = new Set<string>();
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      for (const name of Object.keys(type?.getFields() ?? {})) operations.add(`${type?.name}.${name}`);
    }
    const declared = new Set<string>();
    const undeclared: string[] = [];
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const providers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()]);
    for (const wrapper of providers) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as () => unknown;
        const kind = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        if (kind !== 'Query' && kind !== 'Mutation') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
        const rule = reflector.getAllAndOverride(ALLOW_KEY, [handler, instance.constructor as () => unknown]);
        if (rule) declared.add(`${kind}.${name}`);
        else undeclared.push(`${kind}.${name}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect([...operations].filter((op) => !declared.has(op))).toEqual([]);
    expect(operations.size).toBeGreaterThan(30);
  });

  it('matches the committed apps/api/schema.gql (run `npm run schema` after changing the API)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema.gql'), 'utf8');
    const live = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    expect(live).toBe(committed);
  });
});
