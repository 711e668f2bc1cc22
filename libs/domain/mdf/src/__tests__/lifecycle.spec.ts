import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import {
  canClaim,
  canRequest,
  CLAIM_ACTIONS,
  CLAIM_STATUSES,
  type ClaimAction,
  type ClaimStatus,
  isClaimFinal,
  isClaimOpen,
  isRequestEditable,
  isRequestFinal,
  nextClaimStatus,
  nextRequestStatus,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
} from '../lifecycle';

type Row<S extends string, A extends string> = Record<A, S | null>;

/** The request lifecycle of the brief spelled out by hand: every status × action, null where refused. */
const _ = null;
const REQUESTS: Record<RequestStatus, Row<RequestStatus, RequestAction>> = {
  DRAFT: { submit: 'SUBMITTED', approve: _, reject: _, requestInfo: _, resubmit: _, cancel: 'CANCELLED', complete: _, expire: _ },
  SUBMITTED: { submit: _, approve: 'APPROVED', reject: 'REJECTED', requestInfo: 'MORE_INFO_REQUESTED', resubmit: _, cancel: 'CANCELLED', complete: _, expire: _ },
  MORE_INFO_REQUESTED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: 'SUBMITTED', cancel: 'CANCELLED', complete: _, expire: _ },
  APPROVED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: _, cancel: 'CANCELLED', complete: 'COMPLETED', expire: 'EXPIRED' },
  REJECTED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: _, cancel: _, complete: _, expire: _ },
  CANCELLED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: _, cancel: _, complete: _, expire: _ },
  COMPLETED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: _, cancel: _, complete: _, expire: _ },
  EXPIRED: { submit: _, approve: _, reject: _, requestInfo: _, resubmit: _, cancel: _, complete: _, expire: _ },
};

const CLAIMS: Record<ClaimStatus, Row<ClaimStatus, ClaimAction>> = {
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED', requestInfo: 'MORE_INFO_REQUESTED', resubmit: _, pay: _ },
  APPROVED: { approve: _, reject: _, requestInfo: _, resubmit: _, pay: 'PAID' },
  REJECTED: { approve: _, reject: _, requestInfo: _, resubmit: _, pay: _ },
  MORE_INFO_REQUESTED: { approve: _, reject: _, requestInfo: _, resubmit: 'SUBMITTED', pay: _ },
  PAID: { approve: _, reject: _, requestInfo: _, resubmit: _, pay: _ },
};

function pairs<S extends string, A extends string>(table: Record<S, Row<S, A>>): [S, A, S | null][] {
  return (Object.keys(table) as S[]).flatMap((status) => (Object.keys(table[status]) as A[]).map((action): [S, A, S | null] => [status, action, table[status][action]]));
}

const REQUEST_PAIRS = pairs(REQUESTS);
const CLAIM_PAIRS = pairs(CLAIMS);

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('states and actions', () => {
  it('lists the request states and actions of the brief', () => {
    expect(REQUEST_STATUSES).toEqual(['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'COMPLETED', 'EXPIRED']);
    expect(REQUEST_ACTIONS).toEqual(['submit', 'approve', 'reject', 'requestInfo', 'resubmit', 'cancel', 'complete', 'expire']);
  });

  it('lists the claim states and actions of the brief', () => {
    expect(CLAIM_STATUSES).toEqual(['SUBMITTED', 'APPROVED', 'REJECTED', 'MORE_INFO_REQUESTED', 'PAID']);
    expect(CLAIM_ACTIONS).toEqual(['approve', 'reject', 'requestInfo', 'resubmit', 'pay']);
  });

  it('the hand-written tables cover every status × action pair exactly once', () => {
    expect(REQUEST_PAIRS).toHaveLength(REQUEST_STATUSES.length * REQUEST_ACTIONS.length);
    expect(new Set(REQUEST_PAIRS.map(([s, a]) => `${s}:${a}`)).size).toBe(64);
    expect(new Set(REQUEST_PAIRS.map(([, a]) => a))).toEqual(new Set(REQUEST_ACTIONS));
    expect(REQUEST_PAIRS.filter(([, , to]) => to !== null)).toHaveLength(11);
    expect(CLAIM_PAIRS).toHaveLength(CLAIM_STATUSES.length * CLAIM_ACTIONS.length);
    expect(new Set(CLAIM_PAIRS.map(([, a]) => a))).toEqual(new Set(CLAIM_ACTIONS));
    expect(CLAIM_PAIRS.filter(([, , to]) => to !== null)).toHaveLength(5);
  });
});

describe('nextRequestStatus / canRequest: the full table', () => {
  it.each(REQUEST_PAIRS)('%s + %s → %s', (from, action, to) => {
    expect(canRequest(from, action)).toBe(to !== null);
    if (to !== null) {
      expect(nextRequestStatus(from, action)).toBe(to);
    } else {
      const error = errorOf(() => nextRequestStatus(from, action));
      expect(error.code).toBe('CONFLICT');
      expect(error.fields).toBeUndefined();
      expect(error.message).toMatch(/^Cannot [a-z ]+ a request that is [a-z ]+\.$/);
    }
  });

  it.each<[RequestStatus, RequestAction, string]>([
    ['DRAFT', 'approve', 'Cannot approve a request that is draft.'],
    ['COMPLETED', 'cancel', 'Cannot cancel a request that is completed.'],
    ['CANCELLED', 'submit', 'Cannot submit a request that is cancelled.'],
    ['APPROVED', 'approve', 'Cannot approve a request that is approved.'],
    ['SUBMITTED', 'expire', 'Cannot expire a request that is submitted.'],
    ['MORE_INFO_REQUESTED', 'approve', 'Cannot approve a request that is more info requested.'],
    ['APPROVED', 'requestInfo', 'Cannot request more information on a request that is approved.'],
    ['EXPIRED', 'complete', 'Cannot complete a request that is expired.'],
    ['REJECTED', 'resubmit', 'Cannot resubmit a request that is rejected.'],
    ['SUBMITTED', 'submit', 'Cannot submit a request that is submitted.'],
  ])('%s + %s says: %s', (from, action, message) => {
    expect(errorOf(() => nextRequestStatus(from, action)).message).toBe(message);
  });
});

describe('nextClaimStatus / canClaim: the full table', () => {
  it.each(CLAIM_PAIRS)('%s + %s → %s', (from, action, to) => {
    expect(canClaim(from, action)).toBe(to !== null);
    if (to !== null) {
      expect(nextClaimStatus(from, action)).toBe(to);
    } else {
      const error = errorOf(() => nextClaimStatus(from, action));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/^Cannot [a-z ]+ a claim that is [a-z ]+\.$/);
    }
  });

  it.each<[ClaimStatus, ClaimAction, string]>([
    ['SUBMITTED', 'pay', 'Cannot pay a claim that is submitted.'],
    ['PAID', 'pay', 'Cannot pay a claim that is paid.'],
    ['REJECTED', 'approve', 'Cannot approve a claim that is rejected.'],
    ['MORE_INFO_REQUESTED', 'approve', 'Cannot approve a claim that is more info requested.'],
    ['APPROVED', 'requestInfo', 'Cannot request more information on a claim that is approved.'],
  ])('%s + %s says: %s', (from, action, message) => {
    expect(errorOf(() => nextClaimStatus(from, action)).message).toBe(message);
  });
});

describe('status helpers', () => {
  it.each<[RequestStatus, boolean, boolean]>([
    ['DRAFT', true, false],
    ['SUBMITTED', false, false],
    ['MORE_INFO_REQUESTED', true, false],
    ['APPROVED', false, false],
    ['REJECTED', false, true],
    ['CANCELLED', false, true],
    ['COMPLETED', false, true],
    ['EXPIRED', false, true],
  ])('request %s: editable %s, final %s', (status, editable, final) => {
    expect(isRequestEditable(status)).toBe(editable);
    expect(isRequestFinal(status)).toBe(final);
  });

  it.each<[ClaimStatus, boolean, boolean]>([
    ['SUBMITTED', true, false],
    ['MORE_INFO_REQUESTED', true, false],
    ['APPROVED', false, false],
    ['REJECTED', false, true],
    ['PAID', false, true],
  ])('claim %s: open %s, final %s', (status, open, final) => {
    expect(isClaimOpen(status)).toBe(open);
    expect(isClaimFinal(status)).toBe(final);
  });
});

describe('properties', () => {
  it('a random walk of requests only ever visits states reachable from DRAFT and stops in a final one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REQUEST_ACTIONS), { maxLength: 30 }), (actions) => {
        let status: RequestStatus = 'DRAFT';
        for (const action of actions) {
          const expected = REQUESTS[status][action];
          if (expected === null) {
            expect(() => nextRequestStatus(status, action)).toThrow(DomainError);
          } else {
            status = nextRequestStatus(status, action);
            expect(status).toBe(expected);
          }
        }
        if (isRequestFinal(status)) expect(REQUEST_ACTIONS.some((a) => canRequest(status, a))).toBe(false);
      }),
    );
  });

  it('a random walk of claims: once PAID or REJECTED, nothing moves it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CLAIM_ACTIONS), { maxLength: 30 }), (actions) => {
        let status: ClaimStatus = 'SUBMITTED';
        for (const action of actions) {
          const final = isClaimFinal(status);
          if (canClaim(status, action)) status = nextClaimStatus(status, action);
          else expect(() => nextClaimStatus(status, action)).toThrow(DomainError);
          if (final) expect(isClaimFinal(status)).toBe(true);
        }
        expect(CLAIM_STATUSES).toContain(status);
      }),
    );
  });
});
