import { DomainError } from '@prm/domain/common';

export const DEAL_STATUSES = ['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const DEAL_ACTIONS = ['SUBMIT', 'APPROVE', 'REJECT', 'REQUEST_INFO', 'MARK_WON', 'MARK_LOST', 'EXPIRE', 'EXTEND'] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/** The registration lifecycle: every allowed (status, action) pair and where it leads. */
const TRANSITIONS: Readonly<Record<DealStatus, Partial<Record<DealAction, DealStatus>>>> = {
  DRAFT: { SUBMIT: 'SUBMITTED' },
  SUBMITTED: { APPROVE: 'APPROVED', REJECT: 'REJECTED', REQUEST_INFO: 'MORE_INFO_REQUESTED' },
  MORE_INFO_REQUESTED: { SUBMIT: 'SUBMITTED' },
  APPROVED: { MARK_WON: 'WON', MARK_LOST: 'LOST', EXPIRE: 'EXPIRED', EXTEND: 'APPROVED' },
  REJECTED: {},
  WON: {},
  LOST: {},
  EXPIRED: {},
};

const ACTION_WORDS: Record<DealAction, string> = {
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  REJECT: 'rejected',
  REQUEST_INFO: 'sent back for more information',
  MARK_WON: 'marked won',
  MARK_LOST: 'marked lost',
  EXPIRE: 'expired',
  EXTEND: 'extended',
};

const STATUS_WORDS: Record<DealStatus, string> = {
  DRAFT: 'a draft',
  SUBMITTED: 'submitted',
  MORE_INFO_REQUESTED: 'waiting for more information',
  APPROVED: 'approved',
  REJECTED: 'rejected',
  WON: 'won',
  LOST: 'lost',
  EXPIRED: 'expired',
};

export function canTransition(from: DealStatus, action: DealAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}

/** The status after `action`, or a CONFLICT error that says why the action is not possible now. */
export function nextDealStatus(from: DealStatus, action: DealAction): DealStatus {
  const to = TRANSITIONS[from][action];
  if (!to) {
    throw new DomainError('CONFLICT', `This registration is ${STATUS_WORDS[from]}; it cannot be ${ACTION_WORDS[action]}.`);
  }
  return to;
}

/** Statuses in which the partner may still edit the registration's details. */
export function isEditable(status: DealStatus): boolean {
  return status === 'DRAFT' || status === 'MORE_INFO_REQUESTED';
}

/** Statuses that compete for a customer: other partners' registrations in these are conflicts. */
export function isActive(status: DealStatus): boolean {
  return status === 'SUBMITTED' || status === 'MORE_INFO_REQUESTED' || status === 'APPROVED';
}

export function isFinal(status: DealStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}
