import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  AUTH_LOOKUP_SQL,
  type ConflictCheckRequest,
  conflictCheckQuery,
  ORGANISATIONS_BY_IDS_SQL,
  partnerPageQuery,
  type PartnerPageRequest,
  type QueuePageRequest,
  BASELINE_OPTIONS,
  reviewQueueQuery,
  USER_BY_ID_SQL,
  usersByIdsSql,
} from './sql';
import type { Base } from './revenue-cases';
import { LEADERBOARD_SQL, PARTNER_SUMMARY_SQL } from './revenue-sql';
import { type MdfApproval, mdfApproveInSql, mdfFundSql } from './mdf-sql';
import { INCENTIVE_STATEMENT_LINES_SQL, INCENTIVE_STATEMENT_SQL } from './incentives-sql';

/** What a GraphQL response must contain: the signed-in user, a connection page (`field`) with at least `minEdges` edges, or exactly `matches` conflict matches. */
export type HttpCheck =
  | { type: 'me'; userId: string }
  | { type: 'connection'; field: 'partners' | 'dealReviewQueue'; minEdges: number }
  | { type: 'conflicts'; matches: number }
  | { type: 'revenue-summary'; mrr: string }
  | { type: 'revenue-leaderboard'; rows: number; totalCount: number }
  | { type: 'mdf-fund'; available: string }
  | { type: 'incentive-statement'; total: string; lines: number }
  /** An approval that either succeeds (APPROVED) or is refused with CONFLICT "insufficient funds: …" (outcome 1). */
  | { type: 'mdf-approve' };

/** One request shape within a scenario; requests cycle through the variants round-robin. */
export type Variant =
  | { label: string; kind: 'http'; body: string; check: HttpCheck }
  | { label: string; kind: 'sql-me'; userId: string }
  | { label: string; kind: 'sql-partners'; page: PartnerPageRequest; minRows: number }
  | { label: string; kind: 'sql-queue'; page: QueuePageRequest; minRows: number }
  | { label: string; kind: 'sql-conflicts'; request: ConflictCheckRequest; minRows: number }
  | { label: string; kind: 'sql-revenue-summary'; organisationId: string; month: string; base: Base; mrrMinor: string }
  | { label: string; kind: 'sql-revenue-leaderboard'; month: string; base: Base; rows: number }
  | { label: string; kind: 'sql-mdf-fund'; fundId: string; organisationId: string | null; availableMinor: string }
  | { label: string; kind: 'sql-mdf-approve'; approval: MdfApproval }
  | { label: string; kind: 'sql-incentive-statement'; statementId: string; lines: number };

/** One request of a scenario's mix: its GraphQL variables and response check, and the baseline variant that fetches the same data. */
export interface BenchCase {
  /** Kind of request, for the per-kind breakdown (e.g. first page, later page). */
  group: string;
  label: string;
  variables: Record<string, unknown>;
  check: HttpCheck;
  sql: Variant;
}

export interface ScenarioSpec {
  name: string;
  /** HTTP: where the api listens and the bearer token. SQL: the database and the pool size. */
  target: { kind: 'http'; port: number; token: string } | { kind: 'sql'; databaseUrl: string; poolSize: number };
  variants: Variant[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Hard cap on measured requests (keeps a run bounded even on a very fast machine). */
  maxRequests: number;
  /** The window stays open until at least this many requests were recorded (slow requests: a p50 of more than one or two). */
  minRequests?: number;
  /** Each variant exactly once, in order, shared by the clients; no warm-up, no time limit (a batch of distinct writes). */
  once?: boolean;
  timeoutMs: number;
}

export interface ScenarioResult {
  name: string;
  requests: number;
  errors: number;
  warmupRequests: number;
  warmupErrors: number;
  errorSamples: string[];
  elapsedMs: number;
  /** Per measured request: latency in ms, the variant index (once: 0), when it finished (ms from the window's start) and its outcome (0 done, 1 an expected CONFLICT). */
  latencies: Float64Array;
  variantOf: Uint8Array;
  finishedAt: Float64Array;
  outcomes: Uint8Array;
}

/** Resolves with the request's outcome: 0, or 1 for an expected refusal (an approval the fund cannot cover). */
type Task = (variant: number) => Promise<number>;

interface Runner {
  task: Task;
  close(): Promise<void>;
}

function httpRunner(spec: ScenarioSpec & { target: { kind: 'http' } }): Runner {
  const { port, token } = spec.target;
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
  const bodies = spec.variants.map((v) => (v.kind === 'http' ? Buffer.from(v.body) : Buffer.alloc(0)));
  const task: Task = (variant) =>
    new Promise<number>((resolve, reject) => {
      const v = spec.variants[variant];
      const body = bodies[variant];
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            try {
              resolve(checkGraphql(v, JSON.parse(text)));
            } catch (err) {
              reject(err instanceof Error ? new Error(`${err.message}: ${text.slice(0, 200)}`) : err);
            }
          });
        },
      );
      req.setTimeout(spec.timeoutMs, () => req.destroy(new Error(`timeout after ${spec.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  return {
    task,
    close: async () => agent.destroy(),
  };
}

function checkGraphql(v: Variant, json: { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: { code?: string } }[] }): number {
  if (v.kind === 'http' && v.check.type === 'mdf-approve') {
    const [error, ...more] = json.errors ?? [];
    if (error && more.length === 0 && error.extensions?.code === 'CONFLICT' && error.message?.startsWith('insufficient funds: ')) return 1;
    if (json.errors?.length) throw new Error(`GraphQL error: ${json.errors.map((e) => e.message).join('; ')}`);
    if ((json.data?.['approveMdfRequest'] as { status?: string } | null)?.status !== 'APPROVED') throw new Error('unexpected approval');
    return 0;
  }
  if (json.errors?.length) throw new Error(`GraphQL error: ${json.errors.map((e) => e.message).join('; ')}`);
  if (v.kind !== 'http' || !json.data) throw new Error('no data');
  if (v.check.type === 'me') {
    const me = json.data['me'] as { id?: string } | null;
    if (me?.id !== v.check.userId) throw new Error('unexpected me');
  } else if (v.check.type === 'connection') {
    const edges = (json.data[v.check.field] as { edges?: unknown[] } | null)?.edges;
    if (!Array.isArray(edges) || edges.length < v.check.minEdges) throw new Error(`unexpected ${v.check.field} page`);
  } else if (v.check.type === 'conflicts') {
    const matches = (json.data['checkDealConflicts'] as { matches?: unknown[] } | null)?.matches;
    if (!Array.isArray(matches) || matches.length !== v.check.matches) throw new Error('unexpected conflict matches');
  } else if (v.check.type === 'revenue-summary') {
    const summary = json.data['revenueSummary'] as { mrr?: string } | null;
    if (summary?.mrr !== v.check.mrr) throw new Error('unexpected revenue summary');
  } else if (v.check.type === 'mdf-fund') {
    const fund = json.data['mdfFund'] as { balances?: { available?: string } } | null;
    if (fund?.balances?.available !== v.check.available) throw new Error('unexpected fund balances');
  } else if (v.check.type === 'incentive-statement') {
    const statement = json.data['incentiveStatement'] as { total?: string; lines?: unknown[] } | null;
    if (statement?.total !== v.check.total || statement.lines?.length !== v.check.lines) throw new Error('unexpected incentive statement');
  } else if (v.check.type === 'revenue-leaderboard') {
    const board = json.data['revenueLeaderboard'] as { rows?: unknown[]; totalCount?: number } | null;
    if (!Array.isArray(board?.rows) || board.rows.length !== v.check.rows || board.totalCount !== v.check.totalCount) throw new Error('unexpected leaderboard');
  }
  return 0;
}

function sqlRunner(spec: ScenarioSpec & { target: { kind: 'sql' } }): Runner {
  const pool = new Pool({ connectionString: spec.target.databaseUrl, max: spec.target.poolSize, options: BASELINE_OPTIONS });
  pool.on('error', () => undefined);
  const queries = spec.variants.map((v) => (v.kind === 'sql-partners' ? partnerPageQuery(v.page) : v.kind === 'sql-queue' ? reviewQueueQuery(v.page) : null));
  const task: Task = async (variant) => {
    const v = spec.variants[variant];
    if (v.kind === 'sql-me') {
      // The request's two statements: JwtStrategy's lookup, then the user row.
      const auth = await pool.query(AUTH_LOOKUP_SQL, [v.userId]);
      if (auth.rowCount !== 1) throw new Error('auth lookup found no user');
      const user = await pool.query(USER_BY_ID_SQL, [v.userId]);
      if (user.rows[0]?.id !== v.userId) throw new Error('user row not found');
    } else if (v.kind === 'sql-partners') {
      // The page (LIMIT first + 1), then one batch for the page's channel managers.
      const q = queries[variant]!;
      const page = await pool.query<{ channel_manager_id: string | null }>(q.text, q.values);
      if (page.rows.length < v.minRows) throw new Error('unexpected partners page');
      const ids = [...new Set(page.rows.slice(0, v.page.first).map((r) => r.channel_manager_id).filter((id): id is string => id !== null))];
      if (ids.length > 0) await pool.query(usersByIdsSql(ids.length), ids);
    } else if (v.kind === 'sql-queue') {
      // The page (LIMIT first + 1), then one batch for the page's organisations.
      const q = queries[variant]!;
      const page = await pool.query<{ organisation_id: string }>(q.text, q.values);
      if (page.rows.length < v.minRows) throw new Error('unexpected review-queue page');
      const ids = [...new Set(page.rows.slice(0, v.page.first).map((r) => r.organisation_id))];
      if (ids.length > 0) await pool.query(ORGANISATIONS_BY_IDS_SQL, [ids]);
    } else if (v.kind === 'sql-conflicts') {
      // The one matching statement, with the time of the request (protection still running).
      const q = conflictCheckQuery(v.request, new Date());
      const rows = await pool.query(q.text, q.values);
      if (rows.rows.length < v.minRows) throw new Error('unexpected conflict candidates');
    } else if (v.kind === 'sql-revenue-summary') {
      // One statement: MRR, NRR and GRR of the partner from the ledger.
      const { rows } = await pool.query<{ mrr_minor: string }>(PARTNER_SUMMARY_SQL, [v.organisationId, v.month, v.base.currency, v.base.digits]);
      if (rows[0]?.mrr_minor !== v.mrrMinor) throw new Error('unexpected partner MRR');
    } else if (v.kind === 'sql-revenue-leaderboard') {
      // One statement: every partner's NRR from the ledger, ranked; the first page.
      const { rows } = await pool.query(LEADERBOARD_SQL, [v.rows, v.month, v.base.currency, v.base.digits]);
      if (rows.length !== v.rows) throw new Error('unexpected leaderboard page');
    } else if (v.kind === 'sql-mdf-fund') {
      // The service's one statement for the fund row.
      const q = mdfFundSql(v.fundId, v.organisationId);
      const { rows } = await pool.query<{ budgetMinor: string; reservedMinor: string; approvedMinor: string; paidMinor: string }>(q.text, q.values);
      const f = rows[0];
      if (!f || (BigInt(f.budgetMinor) - BigInt(f.reservedMinor) - BigInt(f.approvedMinor) - BigInt(f.paidMinor)).toString() !== v.availableMinor) throw new Error('unexpected fund row');
    } else if (v.kind === 'sql-incentive-statement') {
      // The service's two statements: the statement row (scoped), then its lines in display order.
      const { rows } = await pool.query(INCENTIVE_STATEMENT_SQL, [v.statementId]);
      if (rows.length !== 1) throw new Error('statement not found');
      const lines = await pool.query(INCENTIVE_STATEMENT_LINES_SQL, [[v.statementId]]);
      if (lines.rows.length !== v.lines) throw new Error('unexpected statement lines');
    } else if (v.kind === 'sql-mdf-approve') {
      // One transaction: the request's status, the fund's conditional reservation, timeline and audit.
      return (await mdfApproveInSql(pool, v.approval)) ? 0 : 1;
    } else {
      throw new Error(`an SQL scenario cannot run variant ${v.label}`);
    }
    return 0;
  };
  return { task, close: () => pool.end() };
}

/**
 * Closed-loop load: `concurrency` workers each issue one request after another. Warm-up requests are
 * not recorded; then every request that starts within the measurement window is recorded (in-flight
 * ones are awaited), stopping early at maxRequests.
 */
export async function runScenario(spec: ScenarioSpec, onMeasuring?: () => void): Promise<ScenarioResult> {
  const runner = spec.target.kind === 'http' ? httpRunner(spec as ScenarioSpec & { target: { kind: 'http' } }) : sqlRunner(spec as ScenarioSpec & { target: { kind: 'sql' } });
  const cap = spec.maxRequests;
  const latencies = new Float64Array(cap);
  const variantOf = new Uint8Array(cap);
  const finishedAt = new Float64Array(cap);
  const outcomes = new Uint8Array(cap);
  let recorded = 0;
  let errors = 0;
  let warmupErrors = 0;
  let warmupRequests = 0;
  const errorSamples: string[] = [];
  let seq = 0;
  let measureStart = 0;
  let measureEnd = Infinity;
  let lastDone = 0;
  let stop = false;

  const note = (err: unknown): void => {
    if (errorSamples.length < 5) errorSamples.push(err instanceof Error ? err.message : String(err));
  };

  try {
    if (spec.once) {
      // Every variant once, in order; each client takes the next one.
      onMeasuring?.();
      measureStart = performance.now();
      const total = Math.min(cap, spec.variants.length);
      const worker = async (): Promise<void> => {
        while (recorded < total) {
          const slot = recorded++;
          const started = performance.now();
          let outcome = 0;
          try {
            outcome = await runner.task(slot);
          } catch (err) {
            errors += 1;
            note(err);
          }
          const done = performance.now();
          latencies[slot] = done - started;
          finishedAt[slot] = done - measureStart;
          outcomes[slot] = outcome;
          if (done > lastDone) lastDone = done;
        }
      };
      await Promise.all(Array.from({ length: spec.concurrency }, worker));
      stop = true;
    }
    // Warm-up: same load, nothing recorded.
    const warmupEnd = stop ? 0 : performance.now() + spec.warmupMs;
    const warm = async (): Promise<void> => {
      while (performance.now() < warmupEnd) {
        warmupRequests += 1;
        try {
          await runner.task(seq++ % spec.variants.length);
        } catch (err) {
          warmupErrors += 1;
          note(err);
        }
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, warm));

    if (!stop) {
      onMeasuring?.();
      measureStart = performance.now();
      measureEnd = measureStart + spec.durationMs;
    }
    const worker = async (): Promise<void> => {
      while (!stop) {
        const started = performance.now();
        if ((started >= measureEnd && recorded >= (spec.minRequests ?? 0)) || recorded >= cap) {
          stop = true;
          return;
        }
        const slot = recorded++;
        const variant = seq++ % spec.variants.length;
        try {
          outcomes[slot] = await runner.task(variant);
        } catch (err) {
          errors += 1;
          note(err);
        }
        const done = performance.now();
        latencies[slot] = done - started;
        variantOf[slot] = variant;
        finishedAt[slot] = done - measureStart;
        if (done > lastDone) lastDone = done;
      }
    };
    await Promise.all(Array.from({ length: spec.concurrency }, worker));
  } finally {
    await runner.close();
  }
  return {
    name: spec.name,
    requests: recorded,
    errors,
    warmupRequests,
    warmupErrors,
    errorSamples,
    elapsedMs: lastDone - measureStart,
    latencies: latencies.slice(0, recorded),
    variantOf: variantOf.slice(0, recorded),
    finishedAt: finishedAt.slice(0, recorded),
    outcomes: outcomes.slice(0, recorded),
  };
}
