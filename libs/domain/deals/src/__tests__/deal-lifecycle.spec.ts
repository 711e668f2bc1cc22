import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import {
  canTransition,
  DEAL_ACTIONS,
  DEAL_STATUSES,
  type DealAction,
  type DealStatus,
  isActive,
  isEditable,
  isFinal,
  nextDealStatus,
} from '../deal-lifecycle';

/** The whole lifecycle spelled out by hand: every status × action, `null` where the action is not allowed. */
const EXPECTED: Record<DealStatus, Record<DealAction, DealStatus | null>> = {
  DRAFT: {
    SUBMIT: 'SUBMITTED', APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  SUBMITTED: {
    SUBMIT: null, APPROVE: 'APPROVED', REJECT: 'REJECTED', REQUEST_INFO: 'MORE_INFO_REQUESTED', MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  MORE_INFO_REQUESTED: {
    SUBMIT: 'SUBMITTED', APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  APPROVED: {
    SUBMIT: null, APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: 'WON', MARK_LOST: 'LOST', EXPIRE: 'EXPIRED', EXTEND: 'APPROVED',
  },
  REJECTED: {
    SUBMIT: null, APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  WON: {
    SUBMIT: null, APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  LOST: {
    SUBMIT: null, APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
  EXPIRED: {
    SUBMIT: null, APPROVE: null, REJECT: null, REQUEST_INFO: null, MARK_WON: null, MARK_LOST: null, EXPIRE: null, EXTEND: null,
  },
};

const ALL_PAIRS: [DealStatus, DealAction, DealStatus | null][] = (Object.keys(EXPECTED) as DealStatus[]).flatMap((status) =>
  (Object.keys(EXPECTED[status]) as DealAction[]).map((action): [DealStatus, DealAction, DealStatus | null] => [status, action, EXPECTED[status][action]]),
);
const ALLOWED = ALL_PAIRS.filter((pair): pair is [DealStatus, DealAction, DealStatus] => pair[2] !== null);
const FORBIDDEN = ALL_PAIRS.filter(([, , to]) => to === null).map(([from, action]): [DealStatus, DealAction] => [from, action]);
const FINAL_STATUSES: DealStatus[] = ['REJECTED', 'WON', 'LOST', 'EXPIRED'];

const statusArb = fc.constantFrom(...DEAL_STATUSES);
const actionArb = fc.constantFrom(...DEAL_ACTIONS);

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('DEAL_STATUSES and DEAL_ACTIONS', () => {
  it('lists every status once, in lifecycle order', () => {
    expect(DEAL_STATUSES).toEqual(['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED']);
  });

  it('lists every action once', () => {
    expect(DEAL_ACTIONS).toEqual(['SUBMIT', 'APPROVE', 'REJECT', 'REQUEST_INFO', 'MARK_WON', 'MARK_LOST', 'EXPIRE', 'EXTEND']);
  });

  it('the hand-written table covers exactly every status × action pair', () => {
    expect(ALL_PAIRS).toHaveLength(DEAL_STATUSES.length * DEAL_ACTIONS.length);
    expect(new Set(ALL_PAIRS.map(([from]) => from))).toEqual(new Set(DEAL_STATUSES));
    expect(new Set(ALL_PAIRS.map(([, action]) => action))).toEqual(new Set(DEAL_ACTIONS));
    expect(ALLOWED).toHaveLength(9);
  });
});

describe('nextDealStatus / canTransition', () => {
  it.each(ALLOWED)('%s + %s → %s', (from, action, to) => {
    expect(canTransition(from, action)).toBe(true);
    expect(nextDealStatus(from, action)).toBe(to);
  });

  it.each(FORBIDDEN)('%s + %s is a CONFLICT', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    const error = errorOf(() => nextDealStatus(from, action));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toBeUndefined();
    expect(error.message).toMatch(/^This registration is .+; it cannot be .+\.$/);
  });

  it.each<[DealStatus, DealAction, string]>([
    ['LOST', 'APPROVE', 'This registration is lost; it cannot be approved.'],
    ['DRAFT', 'APPROVE', 'This registration is a draft; it cannot be approved.'],
    ['WON', 'MARK_LOST', 'This registration is won; it cannot be marked lost.'],
    ['APPROVED', 'SUBMIT', 'This registration is approved; it cannot be submitted.'],
    ['MORE_INFO_REQUESTED', 'APPROVE', 'This registration is waiting for more information; it cannot be approved.'],
    ['SUBMITTED', 'SUBMIT', 'This registration is submitted; it cannot be submitted.'],
    ['EXPIRED', 'EXTEND', 'This registration is expired; it cannot be extended.'],
    ['REJECTED', 'REQUEST_INFO', 'This registration is rejected; it cannot be sent back for more information.'],
    ['DRAFT', 'MARK_WON', 'This registration is a draft; it cannot be marked won.'],
    ['SUBMITTED', 'EXPIRE', 'This registration is submitted; it cannot be expired.'],
    ['APPROVED', 'REJECT', 'This registration is approved; it cannot be rejected.'],
  ])('%s + %s explains itself', (from, action, message) => {
    const error = errorOf(() => nextDealStatus(from, action));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(message);
  });

  it('approving a LOST deal throws a CONFLICT DomainError', () => {
    expect(() => nextDealStatus('LOST', 'APPROVE')).toThrow(DomainError);
    expect(errorOf(() => nextDealStatus('LOST', 'APPROVE')).code).toBe('CONFLICT');
  });

  it('property: canTransition is true exactly when nextDealStatus returns a status (and it matches the table)', () => {
    fc.assert(
      fc.property(statusArb, actionArb, (from, action) => {
        const expected = EXPECTED[from][action];
        expect(canTransition(from, action)).toBe(expected !== null);
        if (expected === null) {
          expect(errorOf(() => nextDealStatus(from, action)).code).toBe('CONFLICT');
        } else {
          expect(nextDealStatus(from, action)).toBe(expected);
          expect(DEAL_STATUSES).toContain(nextDealStatus(from, action));
        }
      }),
    );
  });

  it('property: final statuses allow no action', () => {
    fc.assert(
      fc.property(statusArb.filter(isFinal), actionArb, (from, action) => {
        expect(canTransition(from, action)).toBe(false);
        expect(errorOf(() => nextDealStatus(from, action)).code).toBe('CONFLICT');
      }),
    );
  });

  it('property: a random walk from DRAFT follows the table and never leaves a final status', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let status: DealStatus = 'DRAFT';
        for (const action of actions) {
          const expected = EXPECTED[status][action];
          if (expected === null) {
            expect(() => nextDealStatus(status, action)).toThrow(DomainError);
            continue;
          }
          const next = nextDealStatus(status, action);
          expect(next).toBe(expected);
          expect(FINAL_STATUSES).not.toContain(status);
          if (next === 'WON' || next === 'LOST' || next === 'EXPIRED') expect(status).toBe('APPROVED');
          if (next === 'APPROVED') expect(['SUBMITTED', 'APPROVED']).toContain(status);
          status = next;
        }
      }),
    );
  });

  it('every status is reachable from DRAFT', () => {
    const seen = new Set<DealStatus>(['DRAFT']);
    const queue: DealStatus[] = ['DRAFT'];
    while (queue.length > 0) {
      const from = queue.shift() as DealStatus;
      for (const action of DEAL_ACTIONS) {
        if (!canTransition(from, action)) continue;
        const to = nextDealStatus(from, action);
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...DEAL_STATUSES].sort());
  });
});

describe('status predicates', () => {
  it.each<[DealStatus, { editable: boolean; active: boolean; final: boolean }]>([
    ['DRAFT', { editable: true, active: false, final: false }],
    ['SUBMITTED', { editable: false, active: true, final: false }],
    ['MORE_INFO_REQUESTED', { editable: true, active: true, final: false }],
    ['APPROVED', { editable: false, active: true, final: false }],
    ['REJECTED', { editable: false, active: false, final: true }],
    ['WON', { editable: false, active: false, final: true }],
    ['LOST', { editable: false, active: false, final: true }],
    ['EXPIRED', { editable: false, active: false, final: true }],
  ])('%s → %j', (status, expected) => {
    expect(isEditable(status)).toBe(expected.editable);
    expect(isActive(status)).toBe(expected.active);
    expect(isFinal(status)).toBe(expected.final);
  });

  it('property: final statuses are neither editable nor active; non-final ones allow at least one action', () => {
    fc.assert(
      fc.property(statusArb, (status) => {
        const allowed = DEAL_ACTIONS.filter((action) => canTransition(status, action));
        if (isFinal(status)) {
          expect(allowed).toEqual([]);
          expect(isEditable(status)).toBe(false);
          expect(isActive(status)).toBe(false);
        } else {
          expect(allowed.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('editable statuses can be (re)submitted', () => {
    for (const status of DEAL_STATUSES.filter(isEditable)) expect(nextDealStatus(status, 'SUBMIT')).toBe('SUBMITTED');
  });
});
