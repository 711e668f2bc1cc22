import { FUND_COLUMNS } from '@prm/server/mdf';
import type { Pool } from 'pg';

/**
 * The MDF scenarios' raw-SQL baselines: the statements the api issues, through `pg`. The fund read
 * uses the service's own column list (MdfStore.fund: `FUND_COLUMNS`, scoped by `fundScope`); the
 * approval is MdfRequestsService.approve's transaction written out. Keep in step with
 * libs/server/mdf/src/services/mdf-store.service.ts and mdf-requests.service.ts.
 */

/** MdfStore.fund: the fund row, `AND true` for vendor staff, `AND f.organisation_id = $2` for a partner user. */
export function mdfFundSql(fundId: string, organisationId: string | null): { text: string; values: unknown[] } {
  return organisationId === null
    ? { text: `SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = $1 AND true`, values: [fundId] }
    : { text: `SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.id = $1 AND f.organisation_id = $2`, values: [fundId, organisationId] };
}

/** What one approval writes (the amount is the request's whole requested amount). */
export interface MdfApproval {
  requestId: string;
  fundId: string;
  amountMinor: string;
  claimDeadline: string;
  actorUserId: string;
  actorOrganisationId: string;
}

/** MdfStore.transitionRequest (SUBMITTED → APPROVED) with the decision's columns. */
const APPROVE_REQUEST_SQL = `UPDATE mdf_requests r SET status = 'APPROVED', updated_at = now(), approved_minor = $2, decided_at = $3, decided_by_user_id = $4,
  decision_comment = NULL, claim_deadline = $5 WHERE r.id = $1 AND r.status = 'SUBMITTED' RETURNING r.id`;

/** MdfStore.moveBalances for a reservation: the conditional UPDATE that never overdraws the fund. */
const RESERVE_SQL = `UPDATE mdf_funds f SET reserved_minor = reserved_minor + $2, claimed_minor = claimed_minor + 0,
  approved_minor = approved_minor + 0, paid_minor = paid_minor + 0, updated_at = now()
  WHERE f.id = $1 AND budget_minor - reserved_minor - approved_minor - paid_minor >= $2 RETURNING f.id`;

const TIMELINE_SQL = `INSERT INTO mdf_timeline (request_id, claim_id, at, actor_user_id, kind, from_status, to_status, comment) VALUES ($1, NULL, $2, $3, 'STATUS', 'SUBMITTED', 'APPROVED', NULL)`;

const AUDIT_SQL = `INSERT INTO audit_log (at, actor_user_id, actor_api_key_id, actor_organisation_id, operation, entity_type, entity_id, changes, request_id)
  VALUES ($1, $2, NULL, $3, 'approveMdfRequest', 'MdfRequest', $4, $5, NULL)`;

/**
 * One approval as the service makes it, in one transaction: the request's status (only from
 * SUBMITTED), the fund's reservation (conditional), a timeline entry and an audit entry. Returns false
 * when the fund cannot cover it (rolled back, as the service's CONFLICT). The service also reads the
 * request and the fund before, the fund again for the CONFLICT message, and notifies the request's
 * creator; the baseline does not.
 */
export async function mdfApproveInSql(pool: Pool, a: MdfApproval): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const now = new Date();
    const request = await client.query(APPROVE_REQUEST_SQL, [a.requestId, a.amountMinor, now, a.actorUserId, a.claimDeadline]);
    if (request.rowCount !== 1) throw new Error(`request ${a.requestId} is not SUBMITTED`);
    const fund = await client.query(RESERVE_SQL, [a.fundId, a.amountMinor]);
    if (fund.rowCount !== 1) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(TIMELINE_SQL, [a.requestId, now, a.actorUserId]);
    await client.query(AUDIT_SQL, [now, a.actorUserId, a.actorOrganisationId, a.requestId, JSON.stringify({ status: ['SUBMITTED', 'APPROVED'], approvedMinor: [null, a.amountMinor] })]);
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
