// The MDF scenarios' requests and checks: fund balances read through the api and through the
// service's own statement (they must agree for every fund used), and the contention fixture — one
// fund, many SUBMITTED requests, a budget that covers only part of them — with its checks afterwards.
import { randomUUID } from 'node:crypto';
import { claimDeadline, coFundingCapMinor, fundPeriodOf } from '@prm/domain/mdf';
import { formatMoneyPlain, formatPercent, money, parsePercent } from '@prm/domain/money';
import { addDays } from '@prm/domain/revenue';
import type { Pool } from 'pg';
import { literal } from './deals-data';
import { graphql } from './graphql';
import type { BenchCase, Variant } from './load';
import type { MdfFundSample } from './mdf-data';
import { type MdfApproval, mdfFundSql } from './mdf-sql';
import { type Measured, statsOf } from './report';

export const MDF_FUND = `query MdfFund($id: ID!) {
  mdfFund(id: $id) { id organisationId periodLabel status balances { currency budget reserved claimed approved paid available } }
}`;

export const APPROVE_MDF_REQUEST = `mutation ApproveMdfRequest($id: ID!) { approveMdfRequest(id: $id) { id status approvedAmount } }`;

const BALANCES = ['budget', 'reserved', 'claimed', 'approved', 'paid', 'available'] as const;
type Balances = Record<(typeof BALANCES)[number] | 'currency', string>;

interface FundRow {
  id: string;
  currency: string;
  budgetMinor: string;
  reservedMinor: string;
  claimedMinor: string;
  approvedMinor: string;
  paidMinor: string;
}

/** The balances the api shows, computed from the fund row the baseline reads (formatMoneyPlain, as the mapper does). */
function balancesOf(row: FundRow): Balances {
  const m = (minor: bigint): string => formatMoneyPlain(money(minor, row.currency));
  const [budget, reserved, claimed, approved, paid] = [row.budgetMinor, row.reservedMinor, row.claimedMinor, row.approvedMinor, row.paidMinor].map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
  return { currency: row.currency, budget: m(budget), reserved: m(reserved), claimed: m(claimed), approved: m(approved), paid: m(paid), available: m(budget - reserved - approved - paid) };
}

/**
 * `mdfFund(id)` of each fund, as the caller of `token` (vendor staff: `organisationId` null; a partner
 * user: its organisation). Checks that the api's balances (all six and the currency) equal those of
 * the baseline's row for every fund, and that available ≥ 0.
 */
export async function mdfBalanceCases(port: number, token: string, pool: Pool, funds: readonly MdfFundSample[], organisationId: string | null): Promise<{ cases: BenchCase[]; note: string }> {
  const cases: BenchCase[] = [];
  for (const fund of funds) {
    const api = (await graphql<{ mdfFund: { id: string; organisationId: string; balances: Balances } }>(port, token, MDF_FUND, { id: fund.id })).mdfFund;
    const q = mdfFundSql(fund.id, organisationId);
    const { rows } = await pool.query<FundRow>(q.text, q.values);
    if (rows.length !== 1) throw new Error(`fund ${fund.id}: the baseline found ${rows.length} rows`);
    const sql = balancesOf(rows[0]!);
    for (const key of ['currency', ...BALANCES] as const) {
      if (api.balances[key] !== sql[key]) throw new Error(`api and SQL disagree on the ${key} of fund ${fund.id}: api ${api.balances[key]}, sql ${sql[key]}`);
    }
    if (api.organisationId !== fund.organisationId) throw new Error(`fund ${fund.id} belongs to ${api.organisationId}, not ${fund.organisationId}`);
    if (sql.available.startsWith('-')) throw new Error(`fund ${fund.id} has ${sql.available} available`);
    const availableMinor = (BigInt(rows[0]!.budgetMinor) - BigInt(rows[0]!.reservedMinor) - BigInt(rows[0]!.approvedMinor) - BigInt(rows[0]!.paidMinor)).toString();
    cases.push({
      group: 'fund',
      label: fund.id,
      variables: { id: fund.id },
      check: { type: 'mdf-fund', available: api.balances.available },
      sql: { label: fund.id, kind: 'sql-mdf-fund', fundId: fund.id, organisationId, availableMinor },
    });
  }
  return { cases, note: `${funds.length} funds: budget, reserved, claimed, approved, paid, available and currency agree for every one` };
}

/** One contention fixture: a fund whose budget covers `fit` of `count` SUBMITTED requests of `amountMinor` each. */
export interface ContentionFund {
  fundId: string;
  count: number;
  fit: number;
  amountMinor: bigint;
  currency: string;
  approvals: MdfApproval[];
}

/**
 * Creates a FIXED fund for the partner in a period of its own (from `periodStart`, far from the
 * generated ones) with `count` SUBMITTED requests of one amount, the budget `fit` × that amount, so
 * exactly `fit` approvals succeed whatever their order. The requests are the partner's, within the
 * co-funding cap of its tier; the approvals are made as `actor` (a channel manager).
 */
export async function createContentionFund(
  pool: Pool,
  partner: { organisationId: string; userIds: string[] },
  actor: { id: string; organisationId: string },
  periodStart: string,
  count: number,
  fit: number,
  amountMinor: bigint,
): Promise<ContentionFund> {
  const { rows: enrolment } = await pool.query<{ program_id: string; cofunding: string }>(
    `SELECT e.program_id, t.mdf_cofunding_pct::text AS cofunding FROM enrolments e JOIN tiers t ON t.id = e.tier_id WHERE e.organisation_id = $1`,
    [partner.organisationId],
  );
  const { program_id: programId, cofunding } = enrolment[0]!;
  const pct = parsePercent(cofunding);
  const plannedMinor = (amountMinor * 1_000_000n + pct - 1n) / pct; // the least planned cost whose cap covers the amount
  if (coFundingCapMinor(plannedMinor, pct) < amountMinor) throw new Error('contention fixture: the co-funding cap does not cover the amount');
  const periodEnd = fundPeriodOf('QUARTER', periodStart).end;
  const fundId = randomUUID();
  await pool.query(
    `INSERT INTO mdf_funds (id, organisation_id, program_id, period_kind, period_start, period_end, currency, budget_kind, budget_minor, claim_deadline_days, expires_on, created_by_user_id)
     VALUES ($1, $2, $3, 'QUARTER', $4, $5, 'EUR', 'FIXED', $6, 60, $7, $8)`,
    [fundId, partner.organisationId, programId, periodStart, periodEnd, (amountMinor * BigInt(fit)).toString(), addDays(periodEnd, 60), actor.id],
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  const users = ids.map((_, i) => partner.userIds[i % partner.userIds.length]!);
  const start = addDays(periodStart, 14);
  await pool.query(
    `INSERT INTO mdf_requests (id, fund_id, organisation_id, created_by_user_id, status, activity_type, title, start_date, end_date, currency, planned_cost_minor,
       requested_minor, cofunding_pct, claim_deadline, submitted_at, created_at)
     SELECT id, $3, $4, usr, 'SUBMITTED', 'WEBINAR', 'Webinar ' || n, $5, $5, 'EUR', $6, $7, $8, $9, now() - interval '1 day', now() - interval '2 days'
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t (id, usr, n)`,
    [literal(ids), literal(users), fundId, partner.organisationId, start, plannedMinor.toString(), amountMinor.toString(), formatPercent(pct), claimDeadline(start, 60)],
  );
  await pool.query('ANALYZE mdf_funds, mdf_requests');
  return {
    fundId,
    count,
    fit,
    amountMinor,
    currency: 'EUR',
    approvals: ids.map((requestId) => ({
      requestId,
      fundId,
      amountMinor: amountMinor.toString(),
      claimDeadline: claimDeadline(start, 60),
      actorUserId: actor.id,
      actorOrganisationId: actor.organisationId,
    })),
  };
}

/** The api's variants: `approveMdfRequest(id)` of every request of the fixture, in order. */
export const approvalVariants = (fixture: ContentionFund): Variant[] =>
  fixture.approvals.map((a) => ({ label: a.requestId, kind: 'http', body: JSON.stringify({ query: APPROVE_MDF_REQUEST, variables: { id: a.requestId } }), check: { type: 'mdf-approve' } }));

/** The baseline's variants: the same approvals in one raw-SQL transaction each. */
export const approvalSqlVariants = (fixture: ContentionFund): Variant[] => fixture.approvals.map((approval) => ({ label: approval.requestId, kind: 'sql-mdf-approve', approval }));

/**
 * After a run on the fixture: exactly `fit` approvals succeeded and the rest were refused with
 * "insufficient funds" (the run's outcomes), and the database agrees: `fit` requests APPROVED for the
 * amount, the others still SUBMITTED, reserved = their sum, budget − reserved − approved − paid =
 * available = 0, one timeline entry per approval. Throws otherwise; returns a line for the report.
 */
export async function checkContention(pool: Pool, fixture: ContentionFund, m: Measured, who: string): Promise<string> {
  const { outcomes, errors, requests } = m.result;
  const ok = outcomes.reduce((sum, x) => sum + (x === 0 ? 1 : 0), 0) - errors;
  const refused = outcomes.reduce((sum, x) => sum + x, 0);
  if (errors > 0 || requests !== fixture.count || ok !== fixture.fit || refused !== fixture.count - fixture.fit) {
    throw new Error(`${who}: ${ok} approvals, ${refused} refusals and ${errors} errors for ${fixture.count} requests on a fund that covers ${fixture.fit}; first errors: ${m.result.errorSamples.join(' | ')}`);
  }
  const { rows } = await pool.query<{ approved: string; submitted: string; approved_sum: string | null; budget: string; reserved: string; claimed: string; approved_claims: string; paid: string; entries: string }>(
    `SELECT count(*) FILTER (WHERE r.status = 'APPROVED') AS approved, count(*) FILTER (WHERE r.status = 'SUBMITTED') AS submitted,
            sum(r.approved_minor) FILTER (WHERE r.status = 'APPROVED' AND r.approved_minor = $2) AS approved_sum,
            f.budget_minor AS budget, f.reserved_minor AS reserved, f.claimed_minor AS claimed, f.approved_minor AS approved_claims, f.paid_minor AS paid,
            (SELECT count(*) FROM mdf_timeline t JOIN mdf_requests x ON x.id = t.request_id WHERE x.fund_id = f.id AND t.to_status = 'APPROVED') AS entries
       FROM mdf_funds f JOIN mdf_requests r ON r.fund_id = f.id WHERE f.id = $1 GROUP BY f.id`,
    [fixture.fundId, fixture.amountMinor.toString()],
  );
  const x = rows[0]!;
  const available = BigInt(x.budget) - BigInt(x.reserved) - BigInt(x.approved_claims) - BigInt(x.paid);
  const expectedReserved = fixture.amountMinor * BigInt(fixture.fit);
  if (
    Number(x.approved) !== fixture.fit ||
    Number(x.submitted) !== fixture.count - fixture.fit ||
    BigInt(x.approved_sum ?? '0') !== expectedReserved ||
    BigInt(x.reserved) !== expectedReserved ||
    available !== 0n ||
    BigInt(x.claimed) !== 0n ||
    Number(x.entries) !== fixture.fit
  ) {
    throw new Error(`${who}: the fund does not add up after the run: ${JSON.stringify(x)}`);
  }
  const eur = (minor: bigint): string => formatMoneyPlain(money(minor, fixture.currency));
  return (
    `${who}: ${fixture.count.toLocaleString('en-US')} requests of ${eur(fixture.amountMinor)} on a fund of ${eur(BigInt(x.budget))}: ` +
    `${ok.toLocaleString('en-US')} approved, ${refused.toLocaleString('en-US')} refused with CONFLICT "insufficient funds: €0.00 available", 0 errors; ` +
    `afterwards ${x.approved} requests APPROVED for ${eur(expectedReserved)} = reserved, ${x.submitted} still SUBMITTED, budget − reserved − approved − paid = available = 0.00, ` +
    `${x.entries} timeline entries`
  );
}

/**
 * The requests of a contention run with one outcome (0 approved, 1 refused), as their own
 * measurement: latencies of those requests, throughput over the span from the first of them
 * starting to the last finishing.
 */
export function byOutcome(m: Measured, outcome: 0 | 1, name: string): Measured {
  const r = m.result;
  const picked: number[] = [];
  let first = Infinity;
  let last = 0;
  for (let i = 0; i < r.requests; i++) {
    if (r.outcomes[i] !== outcome) continue;
    picked.push(r.latencies[i]!);
    first = Math.min(first, r.finishedAt[i]! - r.latencies[i]!);
    last = Math.max(last, r.finishedAt[i]!);
  }
  const latencies = Float64Array.from(picked);
  const elapsedMs = picked.length ? last - first : 0;
  return {
    ...m,
    result: { ...r, name, requests: picked.length, errors: 0, warmupErrors: 0, latencies, elapsedMs, variantOf: new Uint8Array(picked.length), finishedAt: new Float64Array(picked.length), outcomes: new Uint8Array(picked.length) },
    stats: statsOf(latencies, elapsedMs),
  };
}
