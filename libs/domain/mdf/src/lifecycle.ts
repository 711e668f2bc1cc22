import { DomainError } from '@prm/domain/common';

export const REQUEST_STATUSES = ['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'COMPLETED', 'EXPIRED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['submit', 'approve', 'reject', 'requestInfo', 'resubmit', 'cancel', 'complete', 'expire'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const CLAIM_STATUSES = ['SUBMITTED', 'APPROVED', 'REJECTED', 'MORE_INFO_REQUESTED', 'PAID'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_ACTIONS = ['approve', 'reject', 'requestInfo', 'resubmit', 'pay'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** The request lifecycle of the brief: every allowed (status, action) pair and where it leads. */
const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>>> = {
  DRAFT: { submit: 'SUBMITTED', cancel: 'CANCELLED' },
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED', requestInfo: 'MORE_INFO_REQUESTED', cancel: 'CANCELLED' },
  MORE_INFO_REQUESTED: { resubmit: 'SUBMITTED', cancel: 'CANCELLED' },
  APPROVED: { cancel: 'CANCELLED', complete: 'COMPLETED', expire: 'EXPIRED' },
  REJECTED: {},
  CANCELLED: {},
  COMPLETED: {},
  EXPIRED: {},
};

const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, Partial<Record<ClaimAction, ClaimStatus>>>> = {
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED', requestInfo: 'MORE_INFO_REQUESTED' },
  MORE_INFO_REQUESTED: { resubmit: 'SUBMITTED' },
  APPROVED: { pay: 'PAID' },
  REJECTED: {},
  PAID: {},
};

// Verbs as a sentence needs them: "Cannot request more information on a claim that is paid."
const VERBS: Record<RequestAction | ClaimAction, string> = {
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  requestInfo: 'request more information on',
  resubmit: 'resubmit',
  cancel: 'cancel',
  complete: 'complete',
  expire: 'expire',
  pay: 'pay',
};

const statusWords = (status: string): string => status.toLowerCase().replace(/_/g, ' ');

export function canRequest(from: RequestStatus, action: RequestAction): boolean {
  return REQUEST_TRANSITIONS[from]?.[action] !== undefined;
}

export function canClaim(from: ClaimStatus, action: ClaimAction): boolean {
  return CLAIM_TRANSITIONS[from]?.[action] !== undefined;
}

/** The request status after `action`, or CONFLICT "Cannot approve a request that is cancelled." */
export function nextRequestStatus(from: RequestStatus, action: RequestAction): RequestStatus {
  const to = REQUEST_TRANSITIONS[from]?.[action];
  if (to === undefined) throw new DomainError('CONFLICT', `Cannot ${VERBS[action] ?? action} a request that is ${statusWords(from)}.`);
  return to;
}

/** The claim status after `action`, or CONFLICT "Cannot pay a claim that is submitted." */
export function nextClaimStatus(from: ClaimStatus, action: ClaimAction): ClaimStatus {
  const to = CLAIM_TRANSITIONS[from]?.[action];
  if (to === undefined) throw new DomainError('CONFLICT', `Cannot ${VERBS[action] ?? action} a claim that is ${statusWords(from)}.`);
  return to;
}

/** Request statuses the partner may still edit. */
export function isRequestEditable(status: RequestStatus): boolean {
  return status === 'DRAFT' || status === 'MORE_INFO_REQUESTED';
}

/** Claim statuses that block a second claim on the same request (at most one open claim). */
export function isClaimOpen(status: ClaimStatus): boolean {
  return status === 'SUBMITTED' || status === 'MORE_INFO_REQUESTED';
}

export function isRequestFinal(status: RequestStatus): boolean {
  return Object.keys(REQUEST_TRANSITIONS[status]).length === 0;
}

export function isClaimFinal(status: ClaimStatus): boolean {
  return Object.keys(CLAIM_TRANSITIONS[status]).length === 0;
}
