import { queriesIssued } from '@prm/server/core';
import request from 'supertest';
import { gqlOk, partnerIds, programsByName } from '../testing/factories';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../testing/test-app';

const DIRECTORY = `query($first: Int!) {
  partners(first: $first) { edges { node { name channelManager { name } enrolments { tier { name } program { name } } } } }
}`;
const INTROSPECTION = `{ __schema { queryType { name } types { name } } }`;

interface Directory {
  partners: { edges: { node: { name: string; channelManager: { name: string } | null; enrolments: { tier: { name: string }; program: { name: string } }[] } }[] };
}

describe('GraphQL and HTTP conventions', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'development' } });
    await t.seedDemo();
    admin = await t.login('admin@vendor.test');
  });
  afterAll(() => t.close());

  describe('DataLoader batching', () => {
    it('loads nested relations of a partner page in a constant number of statements', async () => {
      // Give the extra partners a second enrolment so every relation has more than one row to batch.
      const programs = await programsByName(t, admin);
      const pilot = programs.get('Pilot');
      for (const [name, id] of [...(await partnerIds(t, admin))].slice(0, 10)) {
        if (name === 'Graphic Design Institute' || name === 'Southridge Video' || name === 'Bellows College Tech') continue;
        await gqlOk(t, `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id } }`, { input: { organisationId: id, programId: pilot?.id } }, { token: admin });
      }
      const cost = async (first: number): Promise<{ statements: number; data: Directory }> => {
        const before = queriesIssued();
        const data = await gqlOk<Directory>(t, DIRECTORY, { first }, { token: admin });
        return { statements: queriesIssued() - before, data };
      };
      await cost(3); // warm-up
      const five = await cost(5);
      const many = await cost(25);
      expect(five.data.partners.edges).toHaveLength(5);
      expect(many.data.partners.edges).toHaveLength(25);
      // The relations really were resolved (not empty because of a failed batch).
      expect(many.data.partners.edges.every((e) => e.node.channelManager !== null && e.node.enrolments.length >= 1)).toBe(true);
      expect(many.data.partners.edges.some((e) => e.node.enrolments.length === 2)).toBe(true);
      expect(new Set(many.data.partners.edges.map((e) => e.node.channelManager?.name))).toEqual(new Set(['Maarten de Vries', 'Sofie Peeters']));
      expect(five.statements).toBeGreaterThan(0);
      expect(many.statements).toBe(five.statements);
      // guard + page + managers + enrolments + tiers + programs
      expect(many.statements).toBeLessThanOrEqual(6);
    });
  });

  describe('errors', () => {
    it('carry a code in extensions', async () => {
      expect(codeOf(await t.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, { token: admin }))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(`{ partners(first: 1) { edges { node { nope } } } }`, {}, { token: admin }))).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(codeOf(await t.gql(`{ partners(first: 1) {`, {}, { token: admin }))).toBe('GRAPHQL_PARSE_FAILED');
      const conflict = await t.gql(`mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`, { input: { name: 'Pilot', segment: 'x' } }, { token: admin });
      expect(conflict.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, path: ['createProgram'] });
      const forbidden = await t.gql(`{ auditLog(first: 1) { edges { cursor } } }`, {}, { token: await t.login('analyst@vendor.test') });
      expect(forbidden.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
    });

    it('reports an unexpected failure as INTERNAL_SERVER_ERROR with a generic message', async () => {
      // A real database failure, no mocks: the table behind `programs` disappears for a moment.
      await t.dataSource.query(`ALTER TABLE programs RENAME TO programs_gone_for_a_moment`);
      let res: GqlResponse | undefined;
      try {
        res = await t.gql(`{ programs { id name } }`, {}, { token: admin });
      } finally {
        await t.dataSource.query(`ALTER TABLE programs_gone_for_a_moment RENAME TO programs`);
      }
      expect(res?.status).toBe(200);
      expect(res?.errors).toHaveLength(1);
      expect(res?.errors?.[0]).toEqual({ message: 'Something went wrong on our side.', path: ['programs'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      const body = JSON.stringify(res?.errors);
      for (const leak of ['programs_gone', 'relation', 'SELECT', 'QueryFailedError', 'stacktrace', '.ts:']) expect(body).not.toContain(leak);
      expect((await t.gql(`{ programs { id } }`, {}, { token: admin })).errors).toBeUndefined();
    });
  });

  describe('HTTP', () => {
    it('answers GET /health with the database state', async () => {
      const res = await request(t.app.getHttpServer()).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
      const live = await request(t.app.getHttpServer()).get('/health/live');
      expect(live.body).toEqual({ status: 'ok' });
    });

    it('echoes a sane X-Request-Id and generates one otherwise', async () => {
      const server = t.app.getHttpServer();
      const given = await request(server).get('/health').set('X-Request-Id', 'trace-abc.123_XYZ');
      expect(given.headers['x-request-id']).toBe('trace-abc.123_XYZ');
      const generated = await request(server).get('/health');
      expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const other = await request(server).get('/health');
      expect(other.headers['x-request-id']).not.toBe(generated.headers['x-request-id']);
      const unsafe = await request(server).get('/health').set('X-Request-Id', 'evil id\twith spaces');
      expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const long = await request(server).get('/health').set('X-Request-Id', 'x'.repeat(101));
      expect(long.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const gql = await t.gql(`{ __typename }`);
      expect(gql.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('blocks simple (CSRF-able) requests without a preflight header', async () => {
      const server = t.app.getHttpServer();
      const plain = await request(server).post('/graphql').set('Content-Type', 'text/plain').send(JSON.stringify({ query: '{ __typename }' }));
      expect(plain.status).toBe(400);
      expect(plain.text).not.toContain('"__typename":"Query"');
      const form = await request(server).post('/graphql').set('Content-Type', 'application/x-www-form-urlencoded').send('query={__typename}');
      expect(form.status).toBe(400);
      const get = await request(server).get('/graphql').query({ query: '{ __typename }' });
      expect(get.status).toBe(400);
      const preflighted = await request(server).get('/graphql').query({ query: '{ __typename }' }).set('Apollo-Require-Preflight', 'true');
      expect(preflighted.status).toBe(200);
      expect(preflighted.body).toEqual({ data: { __typename: 'Query' } });
      const json = await request(server).post('/graphql').set('Content-Type', 'application/json').send({ query: '{ __typename }' });
      expect(json.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('introspection', () => {
    it('is available outside production', async () => {
      const res = await t.gql<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(INTROSPECTION);
      expect(res.errors).toBeUndefined();
      expect(res.data?.__schema.queryType.name).toBe('Query');
      expect(res.data?.__schema.types.map((x) => x.name)).toContain('Organisation');
    });

    it('is switched off in production', async () => {
      const prod = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-more-than-32-characters' } });
      try {
        const res = await prod.gql(INTROSPECTION);
        expect(res.data).toBeNull();
        expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.errors?.[0].message).toMatch(/introspection/i);
        expect(codeOf(await prod.gql(`{ __type(name: "User") { fields { name } } }`))).toBe('GRAPHQL_VALIDATION_FAILED');
        // The API itself still answers.
        expect(codeOf(await prod.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
      } finally {
        await prod.close();
      }
    });
  });
});

