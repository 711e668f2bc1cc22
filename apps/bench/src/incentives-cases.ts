// The incentives scenarios' plans, baselines and checks: a tiered SPIF paying reps per won deal (one
// line per deal) and a tiered rebate paying partners on their won value, both over the benchmark
// quarter; the raw-SQL baseline computes every statement total straight from the won deals, and the
// api's statements must equal it to the cent.
import { formatMoneyPlain, money } from '@prm/domain/money';
import { LINES_OF_STATEMENT } from '@prm/server/incentives';
import type { Pool } from 'pg';
import { graphql } from './graphql';
import type { BenchCase } from './load';

export const INCENTIVE_STATEMENT = `query IncentiveStatement($id: ID!) {
  incentiveStatement(id: $id) { id period total lineCount status lines { id rule kind amount base rate cappedBy source { type id label } } }
}`;

const CREATE_PLAN = `mutation CreateIncentivePlan($input: CreateIncentivePlanInput!) { createIncentivePlan(input: $input) { id } }`;
const PUBLISH_PLAN = `mutation PublishIncentivePlan($id: ID!) { publishIncentivePlan(id: $id) { id status } }`;

/** The SPIF: 2 % of each won deal's value for a rep's first 49 deals of the campaign, 3 % from the 50th on; at most €20,000 per rep. */
export const SPIF = { firstRate: '0.02', laterRate: '0.03', fromCount: 50, repCapMinor: 2_000_000n };
/** The rebate (back to dollar one): 1 % below €100,000 of won value in the quarter, 2 % up to €250,000, 3 % above. */
export const REBATE = { tiers: [{ fromMinor: 0n, rate: '0.01' }, { fromMinor: 10_000_000n, rate: '0.02' }, { fromMinor: 25_000_000n, rate: '0.03' }] };

export interface BenchPlans {
  spifId: string;
  rebateId: string;
}

/** Creates and publishes both plans through the api, as the vendor admin. */
export async function createPlans(port: number, adminToken: string, quarter: { key: string; start: string; end: string }): Promise<BenchPlans> {
  const create = async (input: Record<string, unknown>): Promise<string> => {
    const { createIncentivePlan } = await graphql<{ createIncentivePlan: { id: string } }>(port, adminToken, CREATE_PLAN, { input });
    await graphql(port, adminToken, PUBLISH_PLAN, { id: createIncentivePlan.id });
    return createIncentivePlan.id;
  };
  const spifId = await create({
    name: `Bench SPIF ${quarter.key}`,
    kind: 'SPIF',
    currency: 'EUR',
    periodKind: 'QUARTER',
    effectiveFrom: quarter.start,
    rules: {
      spif: {
        startsOn: quarter.start,
        endsOn: quarter.end,
        payoutKind: 'TIERED',
        tierMode: 'ABOVE_THRESHOLD',
        countTiers: [
          { fromCount: 1, toCount: SPIF.fromCount, rate: percent(SPIF.firstRate) },
          { fromCount: SPIF.fromCount, rate: percent(SPIF.laterRate) },
        ],
        repCap: formatMoneyPlain(money(SPIF.repCapMinor, 'EUR')),
      },
    },
  });
  const rebateId = await create({
    name: `Bench rebate ${quarter.key}`,
    kind: 'REBATE',
    currency: 'EUR',
    periodKind: 'QUARTER',
    effectiveFrom: quarter.start,
    rules: {
      rebate: {
        mode: 'RETROACTIVE',
        tiers: REBATE.tiers.map((t, i) => ({
          from: formatMoneyPlain(money(t.fromMinor, 'EUR')),
          to: i + 1 < REBATE.tiers.length ? formatMoneyPlain(money(REBATE.tiers[i + 1]!.fromMinor, 'EUR')) : null,
          rate: percent(t.rate),
        })),
      },
    },
  });
  return { spifId, rebateId };
}

const percent = (fraction: string): string => String(Number(fraction) * 100);

/** Won value of a deal, as the plans see it: actual MRR × 12 + actual one-time. */
const WON = `SELECT r.id, r.organisation_id, r.registered_by_user_id, r.actual_close_date,
                    COALESCE(r.actual_mrr_minor, 0) * 12 + COALESCE(r.actual_one_time_minor, 0) AS value
               FROM deal_registrations r WHERE r.status = 'WON' AND r.actual_close_date BETWEEN $1::date AND $2::date AND r.currency = 'EUR'`;

/** SPIF statement totals per rep from the won deals: each deal at its band's rate (half away from zero), the rep's sum capped. */
export const SPIF_TOTALS_SQL = `
WITH d AS (
  SELECT w.*, row_number() OVER (PARTITION BY w.registered_by_user_id ORDER BY w.actual_close_date, w.id) AS ordinal FROM (${WON}) w
)
SELECT organisation_id, registered_by_user_id AS user_id,
       LEAST(sum(round(value * CASE WHEN ordinal < ${SPIF.fromCount} THEN ${SPIF.firstRate} ELSE ${SPIF.laterRate} END)), ${SPIF.repCapMinor})::bigint::text AS total,
       count(*)::int AS lines
  FROM d GROUP BY 1, 2`;

/** Rebate statement totals per partner: the quarter's won value at the rate of the highest tier reached, on the whole volume. */
export const REBATE_TOTALS_SQL = `
SELECT organisation_id, NULL::uuid AS user_id,
       round(sum(value) * CASE ${[...REBATE.tiers].reverse().map((t) => `WHEN sum(value) >= ${t.fromMinor} THEN ${t.rate}`).join(' ')} END)::bigint::text AS total,
       1 AS lines
  FROM (${WON}) w GROUP BY 1`;

export interface StatementTotal {
  organisation_id: string;
  user_id: string | null;
  total: string;
  lines: number;
}

/** The baseline of a close: the totals computed from the deals, written as statements to a scratch table (one transaction). */
export async function closeInSql(pool: Pool, sql: string, quarter: { start: string; end: string }): Promise<StatementTotal[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE bench_statements (organisation_id uuid, user_id uuid, total bigint, lines int) ON COMMIT DROP`);
    const { rows } = await client.query<StatementTotal>(
      `WITH t AS (${sql}), s AS (INSERT INTO bench_statements SELECT organisation_id, user_id, total::bigint, lines FROM t RETURNING 1) SELECT * FROM t`,
      [quarter.start, quarter.end],
    );
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Every statement of the close equals the baseline's total for its beneficiary, with as many lines (SPIF: one per deal). */
export async function checkStatements(pool: Pool, planId: string, periodKey: string, expected: readonly StatementTotal[], what: string): Promise<string> {
  const { rows } = await pool.query<StatementTotal>(
    `SELECT organisation_id, user_id, total_minor::text AS total, line_count AS lines FROM incentive_statements WHERE plan_id = $1 AND period_key = $2`,
    [planId, periodKey],
  );
  const key = (r: StatementTotal): string => `${r.organisation_id}:${r.user_id ?? ''}`;
  const api = new Map(rows.map((r) => [key(r), r]));
  if (api.size !== expected.length) throw new Error(`${what}: ${api.size} statements, the baseline has ${expected.length}`);
  let sum = 0n;
  let lines = 0;
  for (const e of expected) {
    const a = api.get(key(e));
    if (!a || a.total !== e.total || a.lines !== e.lines) throw new Error(`${what}: beneficiary ${key(e)}: api ${a?.total ?? 'none'} (${a?.lines ?? 0} lines), baseline ${e.total} (${e.lines} lines)`);
    sum += BigInt(e.total);
    lines += e.lines;
  }
  const [check] = (
    await pool.query<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM incentive_statements s
        WHERE s.plan_id = $1 AND s.period_key = $2 AND s.total_minor <> (SELECT COALESCE(sum(l.amount_minor), 0) FROM incentive_accrual_lines l WHERE ${LINES_OF_STATEMENT})`,
      [planId, periodKey],
    )
  ).rows;
  if (check!.bad !== 0) throw new Error(`${what}: ${check!.bad} statements whose total is not the sum of their lines`);
  return `${what}: ${expected.length.toLocaleString('en-US')} statements, ${lines.toLocaleString('en-US')} lines, €${formatMoneyPlain(money(sum, 'EUR'))} in all — each statement equals the raw-SQL total for its beneficiary and the sum of its lines`;
}

/** `incentiveStatement(id)` with every line, checked against the statement row and its lines read by the baseline. */
export async function statementCases(port: number, token: string, pool: Pool, statementIds: readonly string[]): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (const id of statementIds) {
    const api = (await graphql<{ incentiveStatement: { total: string; lineCount: number; lines: unknown[] } }>(port, token, INCENTIVE_STATEMENT, { id })).incentiveStatement;
    const { rows } = await pool.query<{ total: string; n: number }>(
      `SELECT s.total_minor::text AS total, (SELECT count(*)::int FROM incentive_accrual_lines l WHERE ${LINES_OF_STATEMENT}) AS n FROM incentive_statements s WHERE s.id = $1`,
      [id],
    );
    const row = rows[0]!;
    if (api.lines.length !== row.n || api.lineCount !== row.n || api.total !== formatMoneyPlain(money(BigInt(row.total), 'EUR'))) {
      throw new Error(`statement ${id}: api ${api.total} with ${api.lines.length} lines, database ${row.total} with ${row.n}`);
    }
    cases.push({
      group: 'statement',
      label: `statement ${id}`,
      variables: { id },
      check: { type: 'incentive-statement', total: api.total, lines: row.n },
      sql: { label: `statement ${id}`, kind: 'sql-incentive-statement', statementId: id, lines: row.n },
    });
  }
  return cases;
}
