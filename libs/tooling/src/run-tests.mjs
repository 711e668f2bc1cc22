#!/usr/bin/env node
// `npm test`: every suite, in order — domain unit tests, lint (module boundaries), the api on a
// PostgreSQL server, the api smoke suite on the embedded database, and browser tests against the
// built portal. Prints one closing line "N passed, N failed, N skipped" summed over all suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const resultsDir = path.join(root, '.test-results');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(cmd, args, env = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { code: res.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function jest(name, config, env = {}) {
  if (only.length && !only.includes(name)) return;
  const out = path.join(resultsDir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const { code, seconds } = run('npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${out}`], env);
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    report = null;
  }
  if (!report) {
    totals.failed += 1;
    problems.push(`${name}: jest did not produce results (exit ${code})`);
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load counts as a failure even with no failed test inside it.
  const brokenSuites = report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed')).length;
  totals.failed += brokenSuites;
  console.log(`--- ${name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed, ${report.numPendingTests} skipped (${seconds} s)`);
  if (code !== 0) problems.push(`${name}: exit ${code}`);
}

function check(name, cmd, args, env = {}) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const { code, seconds } = run(cmd, args, env);
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(`${name}: exit ${code}`);
  }
  console.log(`--- ${name}: ${code === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
}

async function serverAvailable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function skip(name, reason) {
  if (only.length && !only.includes(name)) return;
  if (ci) {
    totals.failed += 1;
    problems.push(`${name}: ${reason} (required when CI=true)`);
    console.log(`\n=== ${name}: FAILED — ${reason} (required when CI=true) ===`);
  } else {
    totals.skipped += 1;
    console.log(`\n=== ${name}: SKIPPED — ${reason} ===`);
  }
}

const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const hasServer = await serverAvailable(serverUrl);
console.log(
  hasServer
    ? `Database for tests: PostgreSQL server at ${serverUrl.replace(/\/\/[^@]*@/, '//')} (plus the embedded smoke suite)`
    : 'Database for tests: embedded PGlite only — no PostgreSQL server answered; tests that need one are skipped',
);

const vmModules = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() };

jest('domain', 'libs/domain/jest.config.cjs');
// The typed client must be what the committed schema.gql generates (schema.spec.ts checks schema.gql itself).
check('client-fresh', 'sh', ['-c', 'CODEGEN_OUT=.test-results/gql/ npx graphql-codegen --config apps/portal/codegen.ts --silent && diff -r apps/portal/src/gql .test-results/gql']);
check('typecheck', 'sh', ['-c', 'npx tsc -p apps/api/tsconfig.json && npx tsc -p apps/portal/tsconfig.json && npx tsc -p e2e/tsconfig.json']);
// Nx module-boundary rules read the project graph: compute it first.
check('lint', 'sh', ['-c', 'npx nx show projects >/dev/null && npx eslint --config .eslint.config.mjs --max-warnings=0 apps libs e2e'], { NX_DAEMON: 'false' });
if (hasServer) jest('api-postgres', 'apps/api/jest.config.cjs', { PRM_TEST_DB: 'server', TEST_DATABASE_URL: serverUrl });
else skip('api-postgres', 'no PostgreSQL server (set TEST_DATABASE_URL or start one on localhost:5432)');
jest('api-embedded', 'apps/api/jest.config.cjs', { ...vmModules, PRM_TEST_DB: 'embedded' });

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!only.length || only.includes('e2e')) {
  if (fs.existsSync(chromium)) {
    check('build', 'npm', ['run', 'build', '--silent']);
    jest('e2e', 'e2e/jest.config.cjs', { ...vmModules, CHROMIUM_PATH: chromium });
  } else {
    skip('e2e', `Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
}

console.log('');
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);
