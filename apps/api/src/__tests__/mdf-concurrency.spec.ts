import { gqlOk } from '../testing/factories';
import { approveRequest, cents, createFund, createRequest, fundById, type FundNode, type MdfWorld, type RequestNode, startMdfApp, submitClaim } from '../testing/mdf-fixtures';
import { DOCS } from '../testing/operations';
import { codeOf, type GqlResponse } from '../testing/test-app';

/**
 * The fund is never overdrawn and nothing is paid twice, under real concurrency on PostgreSQL:
 * approvals race for one fund row (conditional UPDATE), decisions race for one claim (UPDATE … WHERE
 * status), payments race for one idempotency key (unique insert).
 */

const TODAY = new Date('2026-07-01T09:00:00Z');

describe('mdf concurrency', () => {
  let w: MdfWorld;
  // Periods from 2027 on: the demo data holds funds for the current quarter.
  let periodStart = '2027-01-01';

  /** Balances as the database holds them, and as the requests and claims say they should be. */
  const ledger = async (fundId: string) => {
    const [row]: Record<string, string>[] = await w.t.dataSource.query(
      `SELECT f.budget_minor::text AS budget, f.reserved_minor::text AS reserved, f.claimed_minor::text AS claimed, f.approved_minor::text AS approved, f.paid_minor::text AS paid,
              (SELECT COALESCE(sum(r.approved_minor), 0) FROM mdf_requests r WHERE r.fund_id = f.id AND r.status = 'APPROVED')::text AS expected_reserved,
              (SELECT COALESCE(sum(c.claimed_minor), 0) FROM mdf_claims c WHERE c.fund_id = f.id AND c.status IN ('SUBMITTED', 'MORE_INFO_REQUESTED'))::text AS expected_claimed,
              (SELECT COALESCE(sum(c.approved_minor), 0) FROM mdf_claims c WHERE c.fund_id = f.id AND c.status = 'APPROVED')::text AS expected_approved,
              (SELECT COALESCE(sum(c.approved_minor), 0) FROM mdf_claims c WHERE c.fund_id = f.id AND c.status = 'PAID')::text AS expected_paid
         FROM mdf_funds f WHERE f.id = $1`,
      [fundId],
    );
    return row!;
  };
  const addsUp = async (fundId: string): Promise<void> => {
    const l = await ledger(fundId);
    expect(l['reserved']).toBe(l['expected_reserved']);
    expect(l['claimed']).toBe(l['expected_claimed']);
    expect(l['approved']).toBe(l['expected_approved']);
    expect(l['paid']).toBe(l['expected_paid']);
    expect(BigInt(l['budget']!) - BigInt(l['reserved']!) - BigInt(l['approved']!) - BigInt(l['paid']!)).toBeGreaterThanOrEqual(0n);
  };
  /** A fresh fund for Northwind in a period of its own (one per test, so tests stay independent). */
  const freshFund = async (budget: string): Promise<FundNode> => {
    const fund = await createFund(w.t, w.manager, { organisationId: w.northwind, programId: w.programId, periodStart, budget });
    periodStart = `${Number(periodStart.slice(0, 4)) + 1}${periodStart.slice(4)}`;
    return fund;
  };
  const requests = async (fund: FundNode, n: number): Promise<RequestNode[]> => {
    const out: RequestNode[] = [];
    for (let i = 0; i < n; i += 1) out.push(await createRequest(w.t, w.nwRep, fund));
    return out;
  };

  beforeAll(async () => {
    w = await startMdfApp(TODAY);
  });
  afterAll(() => w?.t.close());

  it('a fund that covers 10 requests: of 50 concurrent approvals exactly 10 succeed, 40 get CONFLICT with the available amount', async () => {
    const fund = await freshFund('10000.00');
    const pending = await requests(fund, 50);
    const results = await Promise.all(pending.map((r) => w.t.gql<{ approveMdfRequest: RequestNode }>(DOCS.approveMdfRequest, { id: r.id }, { token: w.manager })));
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const res of refused) {
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toBe('insufficient funds: €0.00 available');
      expect(res.data).toBeNull();
    }
    const after = await fundById(w.t, w.manager, fund.id);
    expect(after.balances).toEqual({ currency: 'EUR', budget: '10000.00', reserved: '10000.00', claimed: '0.00', approved: '0.00', paid: '0.00', available: '0.00' });
    const statuses: { status: string; n: number }[] = await w.t.dataSource.query(`SELECT status, count(*)::int AS n FROM mdf_requests WHERE fund_id = $1 GROUP BY status ORDER BY status`, [fund.id]);
    expect(statuses).toEqual([
      { status: 'APPROVED', n: 10 },
      { status: 'SUBMITTED', n: 40 },
    ]);
    // Refused approvals left no trace: one audit entry and one timeline entry per successful approval.
    const [audits]: { n: number }[] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE operation = 'approveMdfRequest' AND entity_id = ANY($1::text[])`,
      [pending.map((r) => r.id)],
    );
    expect(audits!.n).toBe(10);
    await addsUp(fund.id);
  });

  it('uneven amounts: what is refused gets the exact amount still available', async () => {
    const fund = await freshFund('2500.00');
    const pending = await requests(fund, 3);
    await approveRequest(w.t, w.manager, pending[0]!.id, '1000.00');
    await approveRequest(w.t, w.manager, pending[1]!.id, '1000.00');
    const res = await w.t.gql(DOCS.approveMdfRequest, { id: pending[2]!.id }, { token: w.manager });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toBe('insufficient funds: €500.00 available');
    const partial = await approveRequest(w.t, w.manager, pending[2]!.id, '500.00');
    expect(partial.status).toBe('APPROVED');
    expect((await fundById(w.t, w.manager, fund.id)).balances.available).toBe('0.00');
    await addsUp(fund.id);
  });

  it('50 concurrent claim approvals on one fund: every one acts once and the balances add up exactly', async () => {
    const fund = await freshFund('50000.00');
    const pending = await requests(fund, 50);
    for (const r of pending) await approveRequest(w.t, w.manager, r.id);
    const claims = [];
    for (const r of pending) claims.push(await submitClaim(w.t, w.nwRep, r.id));
    expect((await fundById(w.t, w.manager, fund.id)).balances).toMatchObject({ reserved: '50000.00', claimed: '50000.00', available: '0.00' });
    // Half approved in full, half partially (A < C): X − A returns to available.
    const results = await Promise.all(
      claims.map((c, i) => w.t.gql(DOCS.approveMdfClaim, { id: c.id, amount: i % 2 === 0 ? '1000.00' : '733.33' }, { token: w.manager })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await fundById(w.t, w.manager, fund.id);
    const approved = 25n * 100000n + 25n * 73333n;
    expect(after.balances).toEqual({
      currency: 'EUR',
      budget: '50000.00',
      reserved: '0.00',
      claimed: '0.00',
      approved: `${approved / 100n}.${String(approved % 100n).padStart(2, '0')}`,
      paid: '0.00',
      available: '6666.75',
    });
    expect(cents(after.balances.budget) - cents(after.balances.approved)).toBe(cents(after.balances.available));
    const completed: { n: number }[] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM mdf_requests WHERE fund_id = $1 AND status = 'COMPLETED'`, [fund.id]);
    expect(completed[0]!.n).toBe(50);
    await addsUp(fund.id);
  });

  it('the same claim approved 10 times at once is approved once', async () => {
    const fund = await freshFund('5000.00');
    const [r] = await requests(fund, 1);
    await approveRequest(w.t, w.manager, r!.id);
    const claim = await submitClaim(w.t, w.nwRep, r!.id);
    const results: GqlResponse[] = await Promise.all(
      Array.from({ length: 10 }, () => w.t.gql(DOCS.approveMdfClaim, { id: claim.id, amount: '900.00' }, { token: w.manager })),
    );
    expect(results.filter((x) => !x.errors)).toHaveLength(1);
    for (const refused of results.filter((x) => x.errors)) {
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/claim that is approved|changed meanwhile/);
    }
    expect((await fundById(w.t, w.manager, fund.id)).balances).toMatchObject({ reserved: '0.00', claimed: '0.00', approved: '900.00', available: '4100.00' });
    const [audits]: { n: number }[] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE operation = 'approveMdfClaim' AND entity_id = $1`, [claim.id]);
    expect(audits!.n).toBe(1);
    await addsUp(fund.id);
  });

  it('markMdfClaimsPaid with one idempotency key, repeated and concurrent, pays once', async () => {
    const fund = await freshFund('5000.00');
    const pending = await requests(fund, 3);
    const claimIds: string[] = [];
    for (const r of pending) {
      await approveRequest(w.t, w.manager, r.id);
      const claim = await submitClaim(w.t, w.nwRep, r.id);
      await gqlOk(w.t, DOCS.approveMdfClaim, { id: claim.id }, { token: w.manager });
      claimIds.push(claim.id);
    }
    const input = { claimIds, paymentReference: 'BANK-2026-0042', paymentDate: '2026-07-01', idempotencyKey: 'pay-run-42' };
    type Paid = { markMdfClaimsPaid: { paymentId: string; duplicate: boolean; claims: { status: string; paymentReference: string }[] } };
    const results = await Promise.all(Array.from({ length: 10 }, () => w.t.gql<Paid>(DOCS.markMdfClaimsPaid, { input }, { token: w.manager })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => r.data!.markMdfClaimsPaid.duplicate === false)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data!.markMdfClaimsPaid.paymentId)).size).toBe(1);
    for (const r of results) expect(r.data!.markMdfClaimsPaid.claims.map((c) => c.status)).toEqual(['PAID', 'PAID', 'PAID']);

    const again = await gqlOk<Paid>(w.t, DOCS.markMdfClaimsPaid, { input }, { token: w.admin });
    expect(again.markMdfClaimsPaid.duplicate).toBe(true);
    expect((await fundById(w.t, w.manager, fund.id)).balances).toMatchObject({ approved: '0.00', paid: '3000.00', available: '2000.00' });
    const [payments]: { n: number }[] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM mdf_payments WHERE idempotency_key = $1`, [input.idempotencyKey]);
    expect(payments!.n).toBe(1);

    // Another key for claims already paid: refused, nothing changes.
    const other = await w.t.gql(DOCS.markMdfClaimsPaid, { input: { ...input, idempotencyKey: 'pay-run-43' } }, { token: w.manager });
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).toBe('Cannot pay a claim that is paid.');
    // The same key for other claims: refused.
    const misuse = await w.t.gql(DOCS.markMdfClaimsPaid, { input: { ...input, claimIds: claimIds.slice(0, 1) } }, { token: w.manager });
    expect(codeOf(misuse)).toBe('CONFLICT');
    expect((await fundById(w.t, w.manager, fund.id)).balances.paid).toBe('3000.00');
    await addsUp(fund.id);
  });

  it('two different keys for the same claims at once: one pays, the other is refused', async () => {
    const fund = await freshFund('5000.00');
    const [r] = await requests(fund, 1);
    await approveRequest(w.t, w.manager, r!.id);
    const claim = await submitClaim(w.t, w.nwRep, r!.id);
    await gqlOk(w.t, DOCS.approveMdfClaim, { id: claim.id }, { token: w.manager });
    const results = await Promise.all(
      ['k-a', 'k-b', 'k-c', 'k-d'].map((key) =>
        w.t.gql(DOCS.markMdfClaimsPaid, { input: { claimIds: [claim.id], paymentReference: key, paymentDate: '2026-07-01', idempotencyKey: key } }, { token: w.manager }),
      ),
    );
    expect(results.filter((x) => !x.errors)).toHaveLength(1);
    expect(results.filter((x) => x.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect((await fundById(w.t, w.manager, fund.id)).balances).toMatchObject({ approved: '0.00', paid: '1000.00' });
    await addsUp(fund.id);
  });
});
