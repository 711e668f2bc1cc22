// Benchmark entry point (see docs/performance.md). `npm run bench [-- --write] [-- --keep]`.
import './env';
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { createLogger, loadConfig, queriesIssued, RequestContext } from '@prm/server/core';
import { IncentiveAccrualsService } from '@prm/server/incentives';
import { PasswordService } from '@prm/server/identity';
import { RevenueRollupService } from '@prm/server/revenue';
import { Client, Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the benchmark boots the api in-process, as the tests do
import { createApp } from '../../api/src/app/create-app';
import { CHECK_CONFLICTS, conflictCases, PARTNERS, partnerCases, queueCases, REVIEW_QUEUE } from './cases';
import { generateScaleS, type GeneratedData } from './data';
import { type DealsData, generateDeals } from './deals-data';
import { BASELINE_OPTIONS } from './sql';
import { graphql } from './graphql';
import { type BenchCase, runScenario, type ScenarioResult, type ScenarioSpec, type Variant } from './load';
import { type Breakdown, groupStats, type Measured, type MeasuredRow, renderReport, replaceResults, type Row, statsOf } from './report';
import { baseOf, leaderboardCase, monthlyClosingBaseline, RECORD_EVENT, REVENUE_LEADERBOARD, REVENUE_SUMMARY, sample, summaryCases } from './revenue-cases';
import { generateRevenue, type RevenueData } from './revenue-data';
import { generateMdf, type MdfData } from './mdf-data';
import { APPROVE_MDF_REQUEST, approvalSqlVariants, approvalVariants, byOutcome, checkContention, createContentionFund, MDF_FUND, mdfBalanceCases } from './mdf-cases';
import { PARTNER_MRR_SQL } from './revenue-sql';
import { generateIncentives, type IncentivesData } from './incentives-data';
import { checkStatements, closeInSql, createPlans, INCENTIVE_STATEMENT, REBATE_TOTALS_SQL, SPIF_TOTALS_SQL, statementCases } from './incentives-cases';

const USAGE = `Usage: node dist/apps/bench/src/main.js [options]
  --write              update the results section of docs/performance.md
  --keep               keep the benchmark database (default: dropped)
  --concurrency=N      concurrent clients per scenario (default 32)
  --warmup=S           warm-up seconds per scenario (default 3)
  --duration=S         measured seconds per scenario (default 10)
  --scenario=NAME[,NAME]  run only these scenarios: me, partners, deals-conflict, deals-queue, revenue-dashboard,
                       revenue-leaderboard, revenue-incremental, revenue-rebuild, mdf-balance, mdf-approval,
                       incentives-close, incentives-statement; revenue = the four revenue ones, mdf = the two
                       MDF ones, incentives = the two incentives ones (default: all)
  --same-thread        run the load generator on the api's thread (default: a worker thread)
  --fail-on-target     exit 2 when a performance target is missed
Environment: BENCH_DATABASE_URL (admin URL, default postgres://postgres@127.0.0.1:5432/postgres)`;

const REVENUE_SCENARIOS = ['revenue-dashboard', 'revenue-leaderboard', 'revenue-incremental', 'revenue-rebuild'] as const;
const MDF_SCENARIOS = ['mdf-balance', 'mdf-approval'] as const;
const INCENTIVES_SCENARIOS = ['incentives-close', 'incentives-statement'] as const;
const SCENARIOS = ['me', 'partners', 'deals-conflict', 'deals-queue', ...REVENUE_SCENARIOS, ...MDF_SCENARIOS, ...INCENTIVES_SCENARIOS] as const;
type Scenario = (typeof SCENARIOS)[number];
/** Names that stand for several scenarios. */
const UMBRELLAS: Record<string, readonly Scenario[]> = { revenue: REVENUE_SCENARIOS, mdf: MDF_SCENARIOS, incentives: INCENTIVES_SCENARIOS };

interface Options {
  write: boolean;
  keep: boolean;
  concurrency: number;
  warmupS: number;
  durationS: number;
  scenarios: Set<Scenario>;
  sameThread: boolean;
  failOnTarget: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { write: false, keep: false, concurrency: 32, warmupS: 3, durationS: 10, scenarios: new Set(SCENARIOS), sameThread: false, failOnTarget: false };
  const num = (value: string, name: string, min: number, max: number): number => {
    const x = Number(value);
    if (!Number.isFinite(x) || x < min || x > max) throw new UsageError(`${name} must be a number from ${min} to ${max}`);
    return x;
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2);
    if (key === '--write') o.write = true;
    else if (key === '--keep') o.keep = true;
    else if (key === '--same-thread') o.sameThread = true;
    else if (key === '--fail-on-target') o.failOnTarget = true;
    else if (key === '--concurrency') o.concurrency = Math.round(num(value, key, 1, 256));
    else if (key === '--warmup') o.warmupS = num(value, key, 0, 30);
    else if (key === '--duration') o.durationS = num(value, key, 1, 30);
    else if (key === '--scenario') {
      const names = value.split(',').flatMap((x) => UMBRELLAS[x] ?? [x]);
      const unknown = names.filter((x) => !(SCENARIOS as readonly string[]).includes(x));
      if (unknown.length) throw new UsageError(`unknown scenario ${unknown.join(', ')} (use ${[...SCENARIOS, ...Object.keys(UMBRELLAS)].join(', ')})`);
      o.scenarios = new Set(names as Scenario[]);
    }
    else if (key === '--help' || key === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${arg}`);
  }
  return o;
}

class UsageError extends Error {}

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** The whole run must finish within this; the watchdog drops the database and exits non-zero. */
const HARD_LIMIT_MS = 1_500_000;
const PASSWORD = 'bench-password-123';
const API_POOL_SIZE = 10; // buildDataSourceOptions: poolSize 10 for a PostgreSQL server
/** The single-client runs (latency without queueing) are shorter. */
const SINGLE_WARMUP_S = 1;
const SINGLE_DURATION_S = 4;
/** A run fails when more than this share of any measurement's requests (warm-up included) fail. */
const ERROR_LIMIT = 0.001;
/** Revenue: partners in the dashboard mix; leaderboard baseline runs at least this many statements; incremental events (after a few unrecorded). */
const REVENUE_DASHBOARD_PARTNERS = 40;
const REVENUE_LEADERBOARD_MIN_REQUESTS = 5;
const REVENUE_INCREMENTAL_EVENTS = 50;
const REVENUE_INCREMENTAL_WARMUP = 5;
/** MDF: funds in the balance mix (drawn at random, seeded); the contention fixture (requests, how many the budget covers, amount in cents), its warm-up, clients. */
const MDF_BALANCE_FUNDS = 200;
const MDF_CONTENTION = { requests: 2000, fit: 1000, amountMinor: 100_000n };
const MDF_CONTENTION_WARMUP = { requests: 200, fit: 100 };
/** Incentives: statements in the statement-page mix (drawn at random, seeded). */
const INCENTIVE_STATEMENTS = 200;

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops the database from a detached process, so it happens even when this process is being killed. */
function dropInBackground(adminUrl: string, database: string): void {
  const script = `const { Client } = require(${JSON.stringify(require.resolve('pg'))});
const c = new Client({ connectionString: ${JSON.stringify(adminUrl)} });
c.connect().then(() => c.query('DROP DATABASE IF EXISTS "${database}" WITH (FORCE)')).catch(() => {}).finally(() => c.end());`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;
const ME = `query Me { me { id email role organisationId } }`;
const CLOSE_PERIOD = `mutation ClosePeriod($planId: ID!, $period: String!) { closeIncentivePeriod(planId: $planId, period: $period) { id statementCount } }`;
/** Statements the api issues for one request of each kind, counted by its TypeORM logger (sequential, nothing else running). */
async function statementsPerRequest(port: number, requests: { token: string; query: string; variables?: Record<string, unknown> }[]): Promise<number[]> {
  const counts: number[] = [];
  for (const r of requests) {
    const before = queriesIssued();
    await graphql(port, r.token, r.query, r.variables);
    counts.push(queriesIssued() - before);
  }
  return counts;
}

/** A full garbage collection of this process (the api's and the benchmark's heap). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** CPU time (ms) the api's thread has used: Linux /proc, 10 ms resolution; null elsewhere. Unlike wall time, it is not inflated when other processes take the core. */
function apiThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/** Share of the machine's CPU in use over `ms`, sampled before the run: other work skews the figures. */
async function sampleBackgroundLoad(ms: number): Promise<number> {
  const a = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = cpuTimes();
  return 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
}

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    idle += cpu.times.idle;
    total += cpu.times.idle + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  }
  return { idle, total };
}

/** Runs one scenario (in a worker thread unless --same-thread) and samples CPU use over its measured window. */
async function measure(spec: ScenarioSpec, sameThread: boolean): Promise<Measured> {
  const span: { start: { elu: ReturnType<typeof performance.eventLoopUtilization>; cpu: ReturnType<typeof cpuTimes>; thread: number | null } | null } = { start: null };
  const onMeasuring = (): void => {
    span.start = { elu: performance.eventLoopUtilization(), cpu: cpuTimes(), thread: apiThreadCpuMs() };
  };
  let result: ScenarioResult;
  if (sameThread) {
    result = await runScenario(spec, onMeasuring);
  } else {
    result = await new Promise<ScenarioResult>((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: spec });
      worker.on('message', (msg: { type: 'measuring' } | { type: 'done'; result: ScenarioResult } | { type: 'failed'; message: string }) => {
        if (msg.type === 'measuring') onMeasuring();
        else if (msg.type === 'done') resolve(msg.result);
        else reject(new Error(`load generator failed: ${msg.message}`));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    });
  }
  const start = span.start;
  if (!start) throw new Error('the measured window never opened');
  const elu = performance.eventLoopUtilization(start.elu);
  const cpu = cpuTimes();
  const thread = apiThreadCpuMs();
  return {
    result,
    stats: statsOf(result.latencies, result.elapsedMs),
    concurrency: spec.concurrency,
    mainThreadBusy: elu.utilization,
    machineBusy: 1 - (cpu.idle - start.cpu.idle) / Math.max(1, cpu.total - start.cpu.total),
    apiThreadCpuPerRequest: spec.target.kind === 'http' && thread !== null && start.thread !== null && result.requests > 0 ? (thread - start.thread) / result.requests : null,
  };
}

/** The CPU and event-loop state at the start of an in-process measurement (see spanMeasured). */
function spanStart(): { elu: ReturnType<typeof performance.eventLoopUtilization>; cpu: ReturnType<typeof cpuTimes>; at: number } {
  return { elu: performance.eventLoopUtilization(), cpu: cpuTimes(), at: performance.now() };
}

/** A Measured of timings taken on this thread one after another (no load generator): the busy figures are those of the whole span. */
function spanMeasured(name: string, latencies: readonly number[], start: ReturnType<typeof spanStart>, warmupRequests = 0): Measured {
  const cpu = cpuTimes();
  const elapsedMs = performance.now() - start.at;
  const result: ScenarioResult = {
    name,
    requests: latencies.length,
    errors: 0,
    warmupRequests,
    warmupErrors: 0,
    errorSamples: [],
    elapsedMs,
    latencies: Float64Array.from(latencies),
    variantOf: new Uint8Array(latencies.length),
    finishedAt: new Float64Array(latencies.length),
    outcomes: new Uint8Array(latencies.length),
  };
  return {
    result,
    stats: statsOf(result.latencies, elapsedMs),
    concurrency: 1,
    mainThreadBusy: performance.eventLoopUtilization(start.elu).utilization,
    machineBusy: 1 - (cpu.idle - start.cpu.idle) / Math.max(1, cpu.total - start.cpu.total),
    apiThreadCpuPerRequest: null,
  };
}

function describe(m: Measured): string {
  const s = m.stats;
  return `${s.requests} req, ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, errors ${m.result.errors + m.result.warmupErrors}`;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const adminUrl = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const stamp = new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 17);
  const database = `prm_bench_${stamp}`;
  const dbUrl = databaseUrl(adminUrl, database);
  const runStarted = Date.now();
  const background = await sampleBackgroundLoad(1000);
  if (background > 0.25) log(`warning: ${Math.round(background * 100)} % of the machine's CPU was busy before the run; figures will be low and noisy`);

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  let postgres: string;
  try {
    postgres = (await admin.query<{ version: string }>('SELECT version()')).rows[0].version;
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  log(`created database ${database}`);

  // Killed or stuck: drop the database from a detached process and leave.
  let finished = false;
  const bail = (why: string, code: number): void => {
    if (finished) return;
    finished = true;
    log(`${why}; ${opts.keep ? `database ${database} kept` : `dropping ${database}`}`);
    if (!opts.keep) dropInBackground(adminUrl, database);
    process.exit(code);
  };
  const onSignal = (signal: NodeJS.Signals): void => bail(`received ${signal}`, signal === 'SIGINT' ? 130 : 143);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(() => bail(`run exceeded ${HARD_LIMIT_MS / 1000} s`, 1), HARD_LIMIT_MS);
  watchdog.unref();

  let app: NestExpressApplication | null = null;
  let pool: Pool | null = null;
  let exitCode = 0;
  try {
    const config = loadConfig({
      NODE_ENV: process.env['NODE_ENV'],
      DATABASE_URL: dbUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ARGON2_MEMORY_KIB: '1024',
      RUN_MIGRATIONS: 'true',
      RUN_WORKERS: 'false',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
    });
    const logger = createLogger(config.LOG_LEVEL);
    let t = performance.now();
    app = await createApp({ config, logger, servePortal: false });
    await app.init(); // runs the migrations
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    log(`api listening on 127.0.0.1:${port} (migrated in ${((performance.now() - t) / 1000).toFixed(1)} s)`);

    t = performance.now();
    pool = new Pool({ connectionString: dbUrl, max: 4, options: BASELINE_OPTIONS });
    const passwordHash = await app.get(PasswordService).hash(PASSWORD);
    const data: GeneratedData = await generateScaleS(pool, passwordHash);
    log(`generated Scale S in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(data.sizes)}`);
    let deals: { data: DealsData; loadS: number } | null = null;
    if (opts.scenarios.has('deals-conflict') || opts.scenarios.has('deals-queue')) {
      t = performance.now();
      const generated = await generateDeals(pool, data);
      deals = { data: generated, loadS: (performance.now() - t) / 1000 };
      log(`generated deal registrations in ${deals.loadS.toFixed(1)} s: ${JSON.stringify(generated.sizes)}`);
    }
    // The revenue ledger (after the deal data, which loads the product catalogue with plain INSERTs), then
    // the full rebuild of its rollups: the measurement of revenue-rebuild, and what the other revenue scenarios read.
    let revenue: { data: RevenueData; loadS: number; rebuild: Measured; statements: number; rollups: { movements: number; customerMonths: number; partnerMonths: number } } | null = null;
    const base = baseOf(config.REVENUE_BASE_CURRENCY);
    if (REVENUE_SCENARIOS.some((x) => opts.scenarios.has(x))) {
      t = performance.now();
      const generated = await generateRevenue(pool, data);
      const loadS = (performance.now() - t) / 1000;
      log(`generated the revenue ledger in ${loadS.toFixed(1)} s: ${JSON.stringify(generated.sizes)}`);
      log('full rebuild of the revenue rollups (RevenueRollupService.rebuild()) …');
      const before = queriesIssued();
      const span = spanStart();
      const counts = await app.get(RevenueRollupService).rebuild();
      const rebuild = spanMeasured('Revenue full rebuild (rebuild())', [performance.now() - span.at], span);
      revenue = { data: generated, loadS, rebuild, statements: queriesIssued() - before, rollups: counts };
      // In production the rebuild is a process of its own (`npm run metrics:rebuild`): the api does not carry its
      // garbage. Here it ran in the api's process, so that garbage is collected now rather than in the middle of
      // the measured requests (a full collection of a rebuild's heap takes tens of milliseconds).
      collectGarbage();
      log(`  ${(rebuild.stats.max / 1000).toFixed(1)} s, ${revenue.statements} statements: ${JSON.stringify(counts)}`);
    }

    let mdf: { data: MdfData; loadS: number } | null = null;
    if (MDF_SCENARIOS.some((x) => opts.scenarios.has(x))) {
      t = performance.now();
      const generated = await generateMdf(pool, data);
      mdf = { data: generated, loadS: (performance.now() - t) / 1000 };
      log(`generated the MDF data in ${mdf.loadS.toFixed(1)} s: ${JSON.stringify(generated.sizes)}`);
    }

    let incentives: { data: IncentivesData; loadS: number } | null = null;
    if (INCENTIVES_SCENARIOS.some((x) => opts.scenarios.has(x))) {
      t = performance.now();
      const generated = await generateIncentives(pool, data, new Date().toISOString().slice(0, 10));
      incentives = { data: generated, loadS: (performance.now() - t) / 1000 };
      log(`generated the incentives quarter in ${incentives.loadS.toFixed(1)} s: ${JSON.stringify(generated.sizes)}`);
    }

    const login = async (email: string): Promise<string> =>
      (await graphql<{ login: { accessToken: string } }>(port, null, LOGIN, { input: { email, password: PASSWORD } })).login.accessToken;
    const repToken = await login(data.partnerRep.email);
    const managerToken = await login(data.channelManager.email);
    log(`signed in as partner rep ${data.partnerRep.email} and channel manager ${data.channelManager.email}`);

    type Load = Pick<ScenarioSpec, 'concurrency' | 'warmupMs' | 'durationMs' | 'maxRequests' | 'timeoutMs' | 'minRequests'>;
    const loaded: Load = { concurrency: opts.concurrency, warmupMs: opts.warmupS * 1000, durationMs: opts.durationS * 1000, maxRequests: 500_000, timeoutMs: 10_000 };
    const single: Load = { concurrency: 1, warmupMs: SINGLE_WARMUP_S * 1000, durationMs: SINGLE_DURATION_S * 1000, maxRequests: 500_000, timeoutMs: 10_000 };
    const httpTarget = (token: string) => ({ kind: 'http' as const, port, token });
    const sqlTarget = (poolSize: number) => ({ kind: 'sql' as const, databaseUrl: dbUrl, poolSize });
    const measured: MeasuredRow[] = [];
    const rows: Row[] = [];
    const breakdowns: Breakdown[] = [];
    const findings: string[] = [];
    const checks: string[] = [];
    const range = (xs: number[]): string => (Math.min(...xs) === Math.max(...xs) ? String(xs[0]) : `${Math.min(...xs)}–${Math.max(...xs)}`);

    /**
     * A request mix: the api's statements per request, then API and raw SQL under each load (full
     * concurrency, then a single client), and a per-kind breakdown when the mix has several kinds.
     */
    const runMix = async (label: string, token: string, query: string, cases: BenchCase[], sqlStatements: string, loads: Load[] = [loaded, single]) => {
      const statements = range(await statementsPerRequest(port, cases.map((c) => ({ token, query, variables: c.variables }))));
      const apiVariants: Variant[] = cases.map((c) => ({ label: c.label, kind: 'http', body: JSON.stringify({ query, variables: c.variables }), check: c.check }));
      const sqlVariants = cases.map((c) => c.sql);
      const runs: { clients: number; api: Measured; sql: Measured }[] = [];
      for (const load of loads) {
        log(`${label}: API, ${load.concurrency} client(s) …`);
        const api = await measure({ name: `${label} (api, ${load.concurrency})`, target: httpTarget(token), variants: apiVariants, ...load }, opts.sameThread);
        log(`  ${describe(api)}`);
        log(`${label}: raw SQL, ${load.concurrency} client(s) …`);
        const sql = await measure({ name: `${label} (sql, ${load.concurrency})`, target: sqlTarget(load.concurrency), variants: sqlVariants, ...load }, opts.sameThread);
        log(`  ${describe(sql)}`);
        measured.push({ label, client: 'API (HTTP + GraphQL)', m: api, queriesPerRequest: statements });
        measured.push({ label, client: 'raw SQL (pg)', m: sql, queriesPerRequest: sqlStatements });
        runs.push({ clients: load.concurrency, api, sql });
      }
      const groups = [...new Set(cases.map((c) => c.group))];
      if (groups.length > 1) {
        breakdowns.push({
          title: `${label} by request kind (same runs; the ${groups.length} kinds take turns, ${groups.join(' / ')})`,
          rows: runs.flatMap((run) =>
            groups.map((group) => {
              const indexes = cases.flatMap((c, i) => (c.group === group ? [i] : []));
              return { label: `${group}, ${run.clients} client${run.clients === 1 ? '' : 's'}`, api: groupStats(run.api.result, indexes), sql: groupStats(run.sql.result, indexes) };
            }),
          ),
        });
      }
      return runs;
    };
    /** A summary row: the goal is either a throughput floor, a p95 ceiling relative to the baseline, or an absolute p95 ceiling. */
    const summary = (scenario: string, run: { clients: number; api: Measured; sql: Measured }, goal: { rps: number } | { ratio: number } | { p95Ms: number } | null): void => {
      const api = run.api.stats;
      const sql = run.sql.stats;
      if (goal && 'rps' in goal) rows.push({ scenario, clients: run.clients, kind: 'throughput', api, sql, goal: `≥ ${goal.rps.toLocaleString('en-US')} req/s`, met: api.rps >= goal.rps });
      else if (goal && 'ratio' in goal) rows.push({ scenario, clients: run.clients, kind: 'latency', api, sql, goal: `p95 ≤ ${goal.ratio}× raw SQL`, met: api.p95 <= goal.ratio * sql.p95 });
      else if (goal) rows.push({ scenario, clients: run.clients, kind: 'latency', api, sql, goal: `p95 ≤ ${goal.p95Ms} ms`, met: api.p95 <= goal.p95Ms });
      else rows.push({ scenario, clients: run.clients, kind: 'latency', api, sql, goal: '(information)', met: null });
    };

    if (opts.scenarios.has('me')) {
      const me: BenchCase = { group: 'me', label: 'me', variables: {}, check: { type: 'me', userId: data.partnerRep.id }, sql: { label: 'me', kind: 'sql-me', userId: data.partnerRep.id } };
      const [full, one] = await runMix('`me` (partner rep)', repToken, ME, [me], '2');
      summary('`me`: authorized simple query', full, { rps: 1000 });
      summary('`me`, single client', one, null);
    }

    if (opts.scenarios.has('partners')) {
      const [full, one] = await runMix('Partner list (mix)', managerToken, PARTNERS, await partnerCases(port, managerToken, pool), '2');
      summary('Partner list page (mix)', full, { ratio: 1.5 });
      summary('Partner list page (mix), single client', one, null);
    }

    if (deals && opts.scenarios.has('deals-conflict')) {
      const { active, houseAccounts, repOwn } = deals.data;
      const every = <T>(xs: T[], from: number, step: number, count: number): T[] => Array.from({ length: count }, (_, i) => xs[from + i * step]);
      // Vendor staff: other partners' active registrations (four by domain, one house account), near-duplicates of five more.
      const manager = await conflictCases(port, managerToken, pool, { organisationId: data.channelManager.organisationId, others: true }, {
        domains: [...every(active, 0, 40, 4), houseAccounts[1]],
        names: every(active, 20, 40, 5),
      });
      // A partner rep: the organisation's own registrations only.
      const rep = await conflictCases(port, repToken, pool, { organisationId: data.partnerRep.organisationId, others: false }, {
        domains: every(repOwn, 0, 10, 5),
        names: every(repOwn, 5, 10, 5),
      });
      for (const note of [...manager.notes.map((x) => `channel manager, ${x}`), ...rep.notes.map((x) => `partner rep, ${x}`)]) log(`conflict check ${note}`);
      for (const warning of [...manager.warnings.map((x) => `channel manager, ${x}`), ...rep.warnings.map((x) => `partner rep, ${x}`)]) {
        log(`warning: conflict check ${warning}`);
        findings.push(`Conflict check as ${warning}.`);
      }
      const [full, one] = await runMix('Conflict check (channel manager, mix)', managerToken, CHECK_CONFLICTS, manager.cases, '1');
      summary('Deal conflict check (channel manager, mix)', full, { p95Ms: 20 });
      summary('Deal conflict check (channel manager, mix), single client', one, { p95Ms: 20 });
      // The partner's check searches ~100 rows; one client shows its cost without a second loaded run.
      const [repOne] = await runMix('Conflict check (partner rep, mix)', repToken, CHECK_CONFLICTS, rep.cases, '1', [single]);
      summary('Deal conflict check (partner rep, mix), single client', repOne, { p95Ms: 20 });
    }

    if (deals && opts.scenarios.has('deals-queue')) {
      const [full, one] = await runMix('Review queue (channel manager, mix)', managerToken, REVIEW_QUEUE, await queueCases(port, managerToken, pool), '2');
      summary('Deal review-queue page (mix)', full, { p95Ms: 50 });
      summary('Deal review-queue page (mix), single client', one, { p95Ms: 50 });
    }

    if (revenue && opts.scenarios.has('revenue-rebuild')) {
      log('Revenue full rebuild: raw SQL, every partner\'s closing MRR for 36 months from the ledger …');
      const span = spanStart();
      const baseline = await monthlyClosingBaseline(pool, revenue.data.month, base);
      const sql = spanMeasured('Revenue full rebuild (sql)', [baseline.ms], span);
      log(`  ${(baseline.ms / 1000).toFixed(1)} s; ${baseline.note}`);
      checks.push(`Full rebuild: ${baseline.note}.`);
      measured.push({ label: 'Revenue full rebuild', client: 'rebuild() (in-process)', m: revenue.rebuild, queriesPerRequest: String(revenue.statements) });
      measured.push({ label: 'Revenue full rebuild', client: 'raw SQL (pg): 36 closings per partner', m: sql, queriesPerRequest: '1' });
      rows.push({
        scenario: 'Revenue: full rebuild of the rollups (raw SQL: every partner\'s closing MRR for 36 months)',
        clients: 1,
        kind: 'duration',
        api: revenue.rebuild.stats,
        sql: sql.stats,
        goal: '≤ 60 s',
        met: revenue.rebuild.stats.max <= 60_000,
      });
    }

    if (revenue && opts.scenarios.has('revenue-dashboard')) {
      const partners = sample(data.partners.map((p) => p.id), REVENUE_DASHBOARD_PARTNERS, 20_251_126);
      const { cases, notes } = await summaryCases(port, managerToken, pool, partners, revenue.data.month, base);
      for (const note of notes) log(`revenue dashboard: ${note}`);
      checks.push(...notes.map((note) => `Partner dashboard: ${note}.`));
      const [full, one] = await runMix('Revenue partner dashboard (channel manager, mix)', managerToken, REVENUE_SUMMARY, cases, '1');
      summary('Revenue: partner dashboard `revenueSummary` (mix)', full, { p95Ms: 50 });
      summary('Revenue: partner dashboard `revenueSummary` (mix), single client', one, { p95Ms: 50 });
    }

    if (revenue && opts.scenarios.has('revenue-leaderboard')) {
      const { cases, notes } = await leaderboardCase(port, managerToken, pool, revenue.data.month, base);
      for (const note of notes) log(`revenue leaderboard: ${note}`);
      checks.push(...notes.map((note) => `NRR leaderboard: ${note}.`));
      const [one] = await runMix('Revenue NRR leaderboard (channel manager)', managerToken, REVENUE_LEADERBOARD, cases, '1', [{ ...single, minRequests: REVENUE_LEADERBOARD_MIN_REQUESTS }]);
      summary('Revenue: NRR leaderboard over all partners, single client', one, { p95Ms: 300 });
    }

    if (revenue && opts.scenarios.has('revenue-incremental')) {
      const rollups = app.get(RevenueRollupService);
      const { today, month } = revenue.data;
      // Random customers (a fixed pseudo-random order) with a subscription that is active and last changed before today.
      const { rows: targets } = await pool.query<{ subscription_id: string; organisation_id: string; quantity: number }>(
        `SELECT s.id AS subscription_id, c.organisation_id, e.quantity
           FROM (SELECT id, organisation_id FROM revenue_customers ORDER BY md5(id::text || 'bench-incremental') LIMIT 1000) c
           CROSS JOIN LATERAL (SELECT id FROM revenue_subscriptions s WHERE s.customer_id = c.id ORDER BY s.id LIMIT 1) s
           CROSS JOIN LATERAL (SELECT * FROM revenue_subscription_events e WHERE e.subscription_id = s.id ORDER BY e.effective_date DESC, e.sequence DESC LIMIT 1) e
          WHERE e.status = 'ACTIVE' AND e.effective_date < $1::date
          LIMIT $2`,
        [today, REVENUE_INCREMENTAL_WARMUP + REVENUE_INCREMENTAL_EVENTS],
      );
      if (targets.length < REVENUE_INCREMENTAL_WARMUP + REVENUE_INCREMENTAL_EVENTS) throw new Error(`only ${targets.length} subscriptions to change`);
      const label = 'Revenue incremental update (one event)';
      log(`${label}: ${REVENUE_INCREMENTAL_WARMUP} unrecorded, then ${REVENUE_INCREMENTAL_EVENTS} CHANGE events (quantity, effective today) on random customers, each recorded then drained …`);
      const record: number[] = [];
      const drain: number[] = [];
      const total: number[] = [];
      const sqlLatencies: number[] = [];
      const statements = { record: [] as number[], drain: [] as number[] };
      let span = spanStart();
      for (const [i, target] of targets.entries()) {
        if (i === REVENUE_INCREMENTAL_WARMUP) span = spanStart();
        const input = { kind: 'CHANGE', subscriptionId: target.subscription_id, effectiveDate: today, quantity: target.quantity + 1 + (i % 3), eventId: `bench-incremental-${i}` };
        let before = queriesIssued();
        const t0 = performance.now();
        await graphql(port, managerToken, RECORD_EVENT, { input });
        const t1 = performance.now();
        const recordStatements = queriesIssued() - before;
        before = queriesIssued();
        const drained = await rollups.drain();
        const t2 = performance.now();
        const drainStatements = queriesIssued() - before;
        if (drained !== 1) throw new Error(`drain() recomputed ${drained} customers after one event`);
        const t3 = performance.now();
        const { rows: sqlRows } = await pool.query<{ mrr_minor: string }>(PARTNER_MRR_SQL, [target.organisation_id, month, base.currency, base.digits]);
        const t4 = performance.now();
        // The updated figure the dashboard shows is the one the ledger gives.
        const api = await graphql<{ revenueSummary: { mrr: string } }>(port, managerToken, REVENUE_SUMMARY, { organisationId: target.organisation_id });
        const expected = formatMoneyPlain(money(BigInt(sqlRows[0]!.mrr_minor), base.currency));
        if (api.revenueSummary.mrr !== expected) throw new Error(`after event ${i}, partner ${target.organisation_id}: api MRR ${api.revenueSummary.mrr}, ledger ${expected}`);
        if (i < REVENUE_INCREMENTAL_WARMUP) continue;
        record.push(t1 - t0);
        drain.push(t2 - t1);
        total.push(t2 - t0);
        sqlLatencies.push(t4 - t3);
        statements.record.push(recordStatements);
        statements.drain.push(drainStatements);
      }
      const totalM = spanMeasured(`${label} (record + drain)`, total, span, REVENUE_INCREMENTAL_WARMUP);
      const sql = spanMeasured(`${label} (sql)`, sqlLatencies, span, REVENUE_INCREMENTAL_WARMUP);
      log(`  record + drain: ${describe(totalM)}`);
      log(`  raw SQL: ${describe(sql)}`);
      checks.push(`Incremental update: after each of the ${targets.length} events the partner's MRR in \`revenueSummary\` equals the ledger's.`);
      measured.push({ label, client: 'record: `recordSubscriptionEvent` (HTTP + GraphQL)', m: spanMeasured(`${label} (record)`, record, span, REVENUE_INCREMENTAL_WARMUP), queriesPerRequest: range(statements.record) });
      measured.push({ label, client: 'drain() (in-process)', m: spanMeasured(`${label} (drain)`, drain, span, REVENUE_INCREMENTAL_WARMUP), queriesPerRequest: range(statements.drain) });
      measured.push({ label, client: 'record + drain', m: totalM, queriesPerRequest: range(statements.record.map((x, i) => x + statements.drain[i]!)) });
      measured.push({ label, client: 'raw SQL (pg): the partner\'s MRR from the ledger', m: sql, queriesPerRequest: '1' });
      rows.push({ scenario: 'Revenue: incremental update after one event (record + `drain()`)', clients: 1, kind: 'latency', api: totalM.stats, sql: sql.stats, goal: 'p95 ≤ 50 ms', met: totalM.stats.p95 <= 50 });
    }

    if (mdf && opts.scenarios.has('mdf-balance')) {
      const funds = sample(mdf.data.funds, MDF_BALANCE_FUNDS, 20_251_207);
      const admin = mdf.data.partnerAdmin;
      const adminToken = await login(admin.email);
      const manager = await mdfBalanceCases(port, managerToken, pool, funds, null);
      const own = await mdfBalanceCases(port, adminToken, pool, mdf.data.funds.filter((f) => f.organisationId === admin.organisationId), admin.organisationId);
      checks.push(`MDF fund balances, channel manager: ${manager.note}.`, `MDF fund balances, partner admin (${admin.email}): ${own.note}.`);
      const [full, one] = await runMix('MDF fund balances (channel manager)', managerToken, MDF_FUND, manager.cases, '1');
      summary(`MDF: fund balances \`mdfFund\` (channel manager, ${funds.length} funds)`, full, { p95Ms: 20 });
      summary(`MDF: fund balances \`mdfFund\` (channel manager, ${funds.length} funds), single client`, one, { p95Ms: 20 });
      const [fullOwn, oneOwn] = await runMix('MDF fund balances (partner admin)', adminToken, MDF_FUND, own.cases, '1');
      summary(`MDF: fund balances \`mdfFund\` (partner admin, own ${own.cases.length} funds)`, fullOwn, { p95Ms: 20 });
      summary(`MDF: fund balances \`mdfFund\` (partner admin, own ${own.cases.length} funds), single client`, oneOwn, { p95Ms: 20 });
    }

    if (mdf && opts.scenarios.has('mdf-approval')) {
      // One fixture per run (each side has its warm-up and its measured fund, in quarters of their own), all for the partner admin's organisation.
      const admin = mdf.data.partnerAdmin;
      const partner = data.partners.find((p) => p.id === admin.organisationId)!;
      const owner = { organisationId: partner.id, userIds: partner.userIds };
      const actor = { id: data.channelManager.id, organisationId: data.channelManager.organisationId };
      const label = 'MDF approvals on one fund';
      const clients = opts.concurrency;
      const c = MDF_CONTENTION;
      const w = MDF_CONTENTION_WARMUP;
      const runs: Record<'api' | 'sql', Measured> = {} as Record<'api' | 'sql', Measured>;
      for (const [i, side] of (['api', 'sql'] as const).entries()) {
        const target = side === 'api' ? httpTarget(managerToken) : sqlTarget(clients);
        const variantsOf = side === 'api' ? approvalVariants : approvalSqlVariants;
        const once = { concurrency: clients, warmupMs: 0, durationMs: 0, maxRequests: c.requests, timeoutMs: 30_000, once: true };
        const warm = await createContentionFund(pool, owner, actor, `${2040 + i}-01-01`, w.requests, w.fit, c.amountMinor);
        log(`${label}: ${side === 'api' ? 'API' : 'raw SQL'}, warm-up: ${w.requests} requests, budget for ${w.fit}, ${clients} clients …`);
        const warmed = await measure({ name: `${label} (${side}, warm-up)`, target, variants: variantsOf(warm), ...once }, opts.sameThread);
        log(`  ${await checkContention(pool, warm, warmed, `warm-up (${side})`)}`);
        const fixture = await createContentionFund(pool, owner, actor, `${2040 + i}-04-01`, c.requests, c.fit, c.amountMinor);
        log(`${label}: ${side === 'api' ? 'API' : 'raw SQL'}: ${c.requests} requests, budget for ${c.fit}, ${clients} clients …`);
        const m = await measure({ name: `${label} (${side})`, target, variants: variantsOf(fixture), ...once }, opts.sameThread);
        const note = await checkContention(pool, fixture, m, side === 'api' ? 'API (`approveMdfRequest` over HTTP, channel manager)' : 'raw SQL (one transaction per approval)');
        log(`  ${note}`);
        checks.push(`MDF approvals under contention, ${note}.`);
        runs[side] = m;
      }
      const parts = {
        apiOk: byOutcome(runs.api, 0, `${label} (api, approved)`),
        apiRefused: byOutcome(runs.api, 1, `${label} (api, refused)`),
        sqlOk: byOutcome(runs.sql, 0, `${label} (sql, approved)`),
        sqlRefused: byOutcome(runs.sql, 1, `${label} (sql, refused)`),
      };
      // The api's statements for one approval and one refusal, counted one after the other on a fund that covers one of two requests.
      const pair = await createContentionFund(pool, owner, actor, '2042-01-01', 2, 1, c.amountMinor);
      const statements: number[] = [];
      for (const approval of pair.approvals) {
        const before = queriesIssued();
        await graphql(port, managerToken, APPROVE_MDF_REQUEST, { id: approval.requestId }).catch((err: unknown) => {
          if (!String(err).includes('insufficient funds')) throw err;
        });
        statements.push(queriesIssued() - before);
      }
      measured.push({ label, client: 'API: approved (`approveMdfRequest`)', m: parts.apiOk, queriesPerRequest: String(statements[0]) });
      measured.push({ label, client: 'API: refused (CONFLICT insufficient funds)', m: parts.apiRefused, queriesPerRequest: String(statements[1]) });
      measured.push({ label, client: 'raw SQL (pg): approved (one transaction, 6 statements)', m: parts.sqlOk, queriesPerRequest: '6' });
      measured.push({ label, client: 'raw SQL (pg): refused (rolled back, 4 statements)', m: parts.sqlRefused, queriesPerRequest: '4' });
      const ratio = parts.apiOk.stats.rps / parts.sqlOk.stats.rps;
      checks.push(`MDF approvals under contention: the api approves ${parts.apiOk.stats.rps.toFixed(0)}/s, the raw-SQL transaction ${parts.sqlOk.stats.rps.toFixed(0)}/s (api/sql ${ratio.toFixed(2)}×).`);
      rows.push({
        scenario: `MDF: approvals under contention on one fund (${c.requests.toLocaleString('en-US')} requests, budget for ${c.fit.toLocaleString('en-US')})`,
        clients,
        kind: 'throughput',
        unit: 'approvals/s',
        api: parts.apiOk.stats,
        sql: parts.sqlOk.stats,
        goal: '(information)',
        met: null,
      });
      rows.push({ scenario: 'MDF: approval latency under contention (approved)', clients, kind: 'latency', api: parts.apiOk.stats, sql: parts.sqlOk.stats, goal: '(information)', met: null });
      rows.push({ scenario: 'MDF: refusal latency under contention (insufficient funds)', clients, kind: 'latency', api: parts.apiRefused.stats, sql: parts.sqlRefused.stats, goal: '(information)', met: null });
    }

    if (incentives) {
      const { quarter } = incentives.data;
      const plans = await createPlans(port, await login(data.vendorAdmin.email), quarter);
      const accruals = app.get(IncentiveAccrualsService);
      const deals = incentives.data.sizes.wonDeals.toLocaleString('en-US');
      const closeOf = async (what: string, planId: string, totalsSql: string) => {
        log(`Incentives ${what}: raw SQL, every statement total of ${quarter.key} from the ${deals} won deals …`);
        await closeInSql(pool!, totalsSql, quarter); // warm-up: the same statement once before it is timed
        let span = spanStart();
        const expected = await closeInSql(pool!, totalsSql, quarter);
        const sql = spanMeasured(`Incentives ${what} (sql)`, [performance.now() - span.at], span);
        log(`  ${(sql.stats.max / 1000).toFixed(1)} s, ${expected.length} statements`);
        log(`Incentives ${what}: accrual (recompute of ${quarter.key}, what the hourly job does), in-process …`);
        let before = queriesIssued();
        span = spanStart();
        const accrued = await accruals.recompute(RequestContext.system('bench'), planId, quarter.key);
        const accrual = spanMeasured(`Incentives ${what} accrual`, [performance.now() - span.at], span);
        const accrualStatements = queriesIssued() - before;
        log(`  ${(accrual.stats.max / 1000).toFixed(1)} s, ${accrued.changed} lines written, ${accrualStatements} statements`);
        log(`Incentives ${what}: period close (\`closeIncentivePeriod\` over HTTP, channel manager) …`);
        before = queriesIssued();
        span = spanStart();
        const closed = await graphql<{ closeIncentivePeriod: { statementCount: number } }>(port, managerToken, CLOSE_PERIOD, { planId, period: quarter.key });
        const close = spanMeasured(`Incentives ${what} close`, [performance.now() - span.at], span);
        const closeStatements = queriesIssued() - before;
        log(`  ${(close.stats.max / 1000).toFixed(1)} s, ${closed.closeIncentivePeriod.statementCount} statements made, ${closeStatements} SQL statements`);
        const note = await checkStatements(pool!, planId, quarter.key, expected, `${what}, ${quarter.key}`);
        log(`  ${note}`);
        checks.push(`Incentives ${note}.`);
        measured.push({ label: `Incentives ${what}`, client: 'accrual: `recompute()` (in-process)', m: accrual, queriesPerRequest: String(accrualStatements) });
        measured.push({ label: `Incentives ${what}`, client: 'close: `closeIncentivePeriod` (HTTP + GraphQL)', m: close, queriesPerRequest: String(closeStatements) });
        measured.push({ label: `Incentives ${what}`, client: 'raw SQL (pg): every statement total from the deals, written', m: sql, queriesPerRequest: '4' });
        if (opts.scenarios.has('incentives-close')) {
          const scenario = `Incentives: ${what} over ${deals} won deals`;
          rows.push({ scenario: `${scenario}, period close after the accrual`, clients: 1, kind: 'duration', api: close.stats, sql: sql.stats, goal: '≤ 30 s', met: close.stats.max <= 30_000 });
          rows.push({ scenario: `${scenario}, accrual of the whole quarter (no line yet)`, clients: 1, kind: 'duration', api: accrual.stats, sql: sql.stats, goal: '(information)', met: null });
        }
      };
      await closeOf('SPIF (a line per deal, a statement per rep)', plans.spifId, SPIF_TOTALS_SQL);
      await closeOf('rebate (a statement per partner)', plans.rebateId, REBATE_TOTALS_SQL);

      if (opts.scenarios.has('incentives-statement')) {
        const { rows: ids } = await pool.query<{ id: string }>(`SELECT id FROM incentive_statements WHERE plan_id = $1 ORDER BY id`, [plans.spifId]);
        const picked = sample(ids.map((r) => r.id), INCENTIVE_STATEMENTS, 20_261_208);
        const cases = await statementCases(port, managerToken, pool, picked);
        const lines = cases.map((c) => (c.check.type === 'incentive-statement' ? c.check.lines : 0));
        checks.push(`Incentive statement page: ${cases.length} SPIF statements (${Math.min(...lines)}–${Math.max(...lines)} lines each) as in the database, total and every line.`);
        const [full, one] = await runMix('Incentive statement page (channel manager)', managerToken, INCENTIVE_STATEMENT, cases, '2');
        summary(`Incentives: statement page \`incentiveStatement\` with every line (channel manager, ${cases.length} statements)`, full, { p95Ms: 50 });
        summary(`Incentives: statement page \`incentiveStatement\` with every line (channel manager, ${cases.length} statements), single client`, one, { p95Ms: 50 });
        const { rows: own } = await pool.query<{ id: string }>(`SELECT id FROM incentive_statements WHERE plan_id = $1 AND user_id = $2`, [plans.spifId, data.partnerRep.id]);
        if (own.length > 0) {
          const repCases = await statementCases(port, repToken, pool, own.map((r) => r.id));
          const [repOne] = await runMix('Incentive statement page (partner rep, own)', repToken, INCENTIVE_STATEMENT, repCases, '2', [single]);
          summary(`Incentives: statement page \`incentiveStatement\` (partner rep, own statement), single client`, repOne, { p95Ms: 50 });
        }
      }
    }

    const totalRequests = measured.reduce((sum, x) => sum + x.m.result.requests + x.m.result.warmupRequests, 0);
    const totalErrors = measured.reduce((sum, x) => sum + x.m.result.errors + x.m.result.warmupErrors, 0);
    const cpus = os.cpus();
    const report = renderReport({
      date: new Date(),
      machine: {
        os: `${os.type()} ${os.release()} (${os.arch()})`,
        cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
        cpus: cpus.length,
        memoryGiB: os.totalmem() / 1024 ** 3,
        node: process.version,
        postgres: postgres.split(' on ')[0],
      },
      sizes: data.sizes,
      deals: deals && { sizes: deals.data.sizes, loadS: deals.loadS },
      revenue: revenue && { sizes: revenue.data.sizes, loadS: revenue.loadS, rollups: revenue.rollups },
      mdf: mdf && { sizes: mdf.data.sizes, loadS: mdf.loadS },
      incentives: incentives && { sizes: incentives.data.sizes, quarter: incentives.data.quarter.key, loadS: incentives.loadS },
      method: {
        concurrency: opts.concurrency,
        warmupS: opts.warmupS,
        durationS: opts.durationS,
        loadGenerator: opts.sameThread ? "the api's own thread" : 'a worker thread of the api process',
        single: { warmupS: SINGLE_WARMUP_S, durationS: SINGLE_DURATION_S },
        backgroundLoad: background,
        nodeEnv: config.NODE_ENV,
        apiPoolSize: API_POOL_SIZE,
        sqlPoolSize: opts.concurrency,
      },
      measured,
      breakdowns,
      findings,
      checks,
      rows,
      errors: { total: totalErrors, requests: totalRequests },
    });
    process.stdout.write(`\n${report}\n\n`);

    for (const x of measured) {
      if (x.m.result.errorSamples.length) log(`${x.m.result.name}: first errors: ${x.m.result.errorSamples.join(' | ')}`);
    }
    const failing = measured.filter((x) => {
      const all = x.m.result.requests + x.m.result.warmupRequests;
      return all === 0 || (x.m.result.errors + x.m.result.warmupErrors) / all > ERROR_LIMIT;
    });
    if (failing.length > 0) {
      for (const x of failing) log(`FAILED: ${x.m.result.name}: ${x.m.result.errors + x.m.result.warmupErrors} errors in ${x.m.result.requests + x.m.result.warmupRequests} requests (limit ${ERROR_LIMIT * 100} %)`);
      exitCode = 1;
    } else if (opts.write) {
      const docPath = path.resolve(__dirname, '../../../../docs/performance.md');
      fs.writeFileSync(docPath, replaceResults(fs.readFileSync(docPath, 'utf8'), report));
      log(`updated ${path.relative(process.cwd(), docPath)}`);
    }
    if (exitCode === 0 && opts.failOnTarget && rows.some((r) => r.met === false)) {
      log('a performance target was missed (--fail-on-target)');
      exitCode = 2;
    }
  } finally {
    if (!finished) {
      await pool?.end().catch(() => undefined);
      await app?.close().catch((err: unknown) => log(`closing the api failed: ${String(err)}`));
      if (opts.keep) {
        log(`kept database ${database} (${dbUrl})`);
      } else {
        await dropDatabase(adminUrl, database).then(
          () => log(`dropped database ${database}`),
          (err: unknown) => log(`could not drop ${database}: ${String(err)}`),
        );
      }
      finished = true;
    }
    clearTimeout(watchdog);
    log(`total ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message ? `${err.message}\n` : ''}${USAGE}\n`);
      process.exit(err.message ? 64 : 0);
    }
    process.stderr.write(`[bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
