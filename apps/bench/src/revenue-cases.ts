// The revenue scenarios' requests. Each builder checks, before anything is measured, that the api
// (reading the rollups) and the raw-SQL baseline (computing from the ledger) give the same figures.
import { formatMoneyPlain, minorUnitDigits, money } from '@prm/domain/money';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { graphql } from './graphql';
import type { BenchCase } from './load';
import { LEADERBOARD_SQL, MONTHLY_CLOSING_SQL, PARTNER_SUMMARY_SQL } from './revenue-sql';

export const REVENUE_SUMMARY = `query RevenueSummary($organisationId: ID) {
  revenueSummary(organisationId: $organisationId) {
    organisationId month currency mrr arr customers nrr grr cohortStartMrr logoChurnRate grossMrrChurn netMrrChurn arpa ltv ltvNote
    trend { month mrr arr customers }
    waterfall { opening new expansion contraction churn reactivation transferIn transferOut fx closing }
  }
}`;

export const REVENUE_LEADERBOARD = `query RevenueLeaderboard($first: Int!) {
  revenueLeaderboard(sort: NRR, first: $first) {
    month currency totalCount hasNextPage endCursor
    rows { organisationId name country mrr arr mrrGrowth nrr grr logoChurnRate customers }
  }
}`;

export const RECORD_EVENT = `mutation RecordEvent($input: SubscriptionEventInput!) {
  recordSubscriptionEvent(input: $input) { duplicate event { id effectiveDate quantity mrr } }
}`;

/** The page the leaderboard scenario asks for (the api ranks every partner, then pages). */
export const LEADERBOARD_PAGE = 100;

/** Base currency and its minor digits: the baselines' last two parameters. */
export interface Base {
  currency: string;
  digits: number;
}

export const baseOf = (currency: string): Base => ({ currency, digits: minorUnitDigits(currency) });

interface ApiSummary {
  organisationId: string;
  month: string;
  mrr: string;
  nrr: string | null;
  grr: string | null;
  cohortStartMrr: string;
}

interface SqlSummary {
  mrr_minor: string;
  cohort_start_minor: string;
  nrr: string | null;
  grr: string | null;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` distinct items of `xs`, drawn with a seeded generator (the same every run). */
export function sample<T>(xs: readonly T[], count: number, seed: number): T[] {
  const rand = random(seed);
  const pool = [...xs];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const fmt = (minor: string, base: Base): string => formatMoneyPlain(money(BigInt(minor), base.currency));

/**
 * Partner dashboards: `revenueSummary(organisationId)` of each of `partners` (vendor staff). Checks
 * that the api's MRR, NRR, GRR and cohort MRR equal the baseline's for every one of them.
 */
export async function summaryCases(port: number, token: string, pool: Pool, partners: readonly string[], month: string, base: Base): Promise<{ cases: BenchCase[]; notes: string[] }> {
  const cases: BenchCase[] = [];
  let withCohort = 0;
  for (const organisationId of partners) {
    const api = (await graphql<{ revenueSummary: ApiSummary }>(port, token, REVENUE_SUMMARY, { organisationId })).revenueSummary;
    const { rows } = await pool.query<SqlSummary>(PARTNER_SUMMARY_SQL, [organisationId, month, base.currency, base.digits]);
    const sql = rows[0]!;
    if (api.month !== month) throw new Error(`revenueSummary of ${organisationId} is for ${api.month}, not ${month}`);
    const pairs: [string, string | null, string | null][] = [
      ['MRR', api.mrr, fmt(sql.mrr_minor, base)],
      ['NRR', api.nrr, sql.nrr],
      ['GRR', api.grr, sql.grr],
      ['cohort start MRR', api.cohortStartMrr, fmt(sql.cohort_start_minor, base)],
    ];
    for (const [what, a, s] of pairs) {
      if (a !== s) throw new Error(`api and SQL disagree on the ${what} of partner ${organisationId} in ${month}: api ${a}, sql ${s}`);
    }
    if (api.nrr !== null) withCohort += 1;
    cases.push({
      group: 'partner dashboard',
      label: organisationId,
      variables: { organisationId },
      check: { type: 'revenue-summary', mrr: api.mrr },
      sql: { label: organisationId, kind: 'sql-revenue-summary', organisationId, month, base, mrrMinor: sql.mrr_minor },
    });
  }
  return { cases, notes: [`${partners.length} partners, ${withCohort} with an NRR cohort: MRR, NRR, GRR and cohort MRR agree for every one`] };
}

interface ApiBoardRow {
  organisationId: string;
  name: string;
  mrr: string;
  nrr: string | null;
  grr: string | null;
}

/**
 * The NRR leaderboard's first page (vendor staff). Checks it against the baseline's top rows: the same
 * NRR values in the same order; for every partner on both pages the same NRR, GRR and MRR; a partner
 * on one page only must tie with the page's last NRR (ties are ordered by name, whose collation may
 * differ between JavaScript and PostgreSQL).
 */
export async function leaderboardCase(port: number, token: string, pool: Pool, month: string, base: Base): Promise<{ cases: BenchCase[]; notes: string[] }> {
  const api = (await graphql<{ revenueLeaderboard: { month: string; totalCount: number; rows: ApiBoardRow[] } }>(port, token, REVENUE_LEADERBOARD, { first: LEADERBOARD_PAGE }))
    .revenueLeaderboard;
  const { rows } = await pool.query<{ organisation_id: string; name: string; mrr_minor: string; nrr: string | null; grr: string | null }>(LEADERBOARD_SQL, [
    LEADERBOARD_PAGE,
    month,
    base.currency,
    base.digits,
  ]);
  if (api.month !== month) throw new Error(`revenueLeaderboard is for ${api.month}, not ${month}`);
  if (api.rows.length !== LEADERBOARD_PAGE || rows.length !== LEADERBOARD_PAGE) throw new Error(`leaderboard page: api ${api.rows.length} rows, sql ${rows.length}`);
  const apiNrr = api.rows.map((r) => r.nrr ?? 'null');
  const sqlNrr = rows.map((r) => r.nrr ?? 'null');
  if (apiNrr.join(',') !== sqlNrr.join(',')) throw new Error(`api and SQL disagree on the leaderboard's NRR values: api ${apiNrr.slice(0, 5).join(', ')} …, sql ${sqlNrr.slice(0, 5).join(', ')} …`);
  const last = apiNrr[apiNrr.length - 1];
  const sqlById = new Map(rows.map((r) => [r.organisation_id, r]));
  const apiIds = new Set(api.rows.map((r) => r.organisationId));
  let both = 0;
  for (const a of api.rows) {
    const s = sqlById.get(a.organisationId);
    if (!s) {
      if ((a.nrr ?? 'null') !== last) throw new Error(`leaderboard: partner ${a.organisationId} (NRR ${a.nrr}) is on the api's page only`);
      continue;
    }
    both += 1;
    if (a.nrr !== s.nrr || a.grr !== s.grr || a.mrr !== fmt(s.mrr_minor, base)) {
      throw new Error(`api and SQL disagree on partner ${a.organisationId}: api NRR ${a.nrr} GRR ${a.grr} MRR ${a.mrr}, sql NRR ${s.nrr} GRR ${s.grr} MRR ${fmt(s.mrr_minor, base)}`);
    }
  }
  for (const s of rows) if (!apiIds.has(s.organisation_id) && (s.nrr ?? 'null') !== last) throw new Error(`leaderboard: partner ${s.organisation_id} (NRR ${s.nrr}) is on the SQL page only`);
  const label = `first ${LEADERBOARD_PAGE} by NRR`;
  return {
    cases: [
      {
        group: 'leaderboard',
        label,
        variables: { first: LEADERBOARD_PAGE },
        check: { type: 'revenue-leaderboard', rows: LEADERBOARD_PAGE, totalCount: api.totalCount },
        sql: { label, kind: 'sql-revenue-leaderboard', month, base, rows: LEADERBOARD_PAGE },
      },
    ],
    notes: [
      `leaderboard of ${api.totalCount.toLocaleString('en-US')} partners, NRR ${apiNrr[0]} % down to ${last} %: the ${LEADERBOARD_PAGE} NRR values agree in order, ` +
        `and NRR, GRR and MRR agree for the ${both} partners on both pages (the others tie at ${last} %)`,
    ],
  };
}

/**
 * Every partner's closing MRR for the 36 months to `month` from the ledger (one statement), timed,
 * compared with revenue_partner_months: the rollups the rebuild wrote.
 */
export async function monthlyClosingBaseline(pool: Pool, month: string, base: Base): Promise<{ ms: number; note: string }> {
  const started = performance.now();
  const { rows } = await pool.query<{ organisation_id: string; month: string; closing_minor: string }>(MONTHLY_CLOSING_SQL, [month, base.currency, base.digits]);
  const ms = performance.now() - started;
  const { rows: rollups } = await pool.query<{ organisation_id: string; month: string; closing_minor: string }>(
    `SELECT organisation_id, month::text AS month, closing_minor::text AS closing_minor FROM revenue_partner_months
      WHERE month BETWEEN ($1::date - interval '35 months')::date AND $1::date`,
    [month],
  );
  const key = (r: { organisation_id: string; month: string }): string => `${r.organisation_id}|${r.month}`;
  const expected = new Map(rows.filter((r) => r.closing_minor !== '0').map((r) => [key(r), r.closing_minor]));
  const actual = new Map(rollups.filter((r) => r.closing_minor !== '0').map((r) => [key(r), r.closing_minor]));
  const differ = [...new Set([...expected.keys(), ...actual.keys()])].filter((k) => expected.get(k) !== actual.get(k));
  if (differ.length > 0) {
    const show = differ.slice(0, 3).map((k) => `${k}: rollup ${actual.get(k) ?? 0}, ledger ${expected.get(k) ?? 0}`);
    throw new Error(`the rebuilt partner months disagree with the ledger in ${differ.length} of ${expected.size} partner-months (${show.join('; ')})`);
  }
  const partners = new Set(rows.map((r) => r.organisation_id)).size;
  return { ms, note: `monthly closing MRR of ${partners.toLocaleString('en-US')} partners over 36 months: all ${expected.size.toLocaleString('en-US')} non-zero partner-months agree` };
}
