import { hasRole, MANAGER_ROLES, PARTNER_ROLES } from '../../app/auth/roles';
import type { DealStatus, Role, SalesStage } from '../../gql/graphql';

/** In lifecycle order, for filter chips and legends. */
export const DEAL_STATUSES: readonly DealStatus[] = ['DRAFT', 'SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WON', 'LOST', 'EXPIRED'];

export const SALES_STAGES: readonly SalesStage[] = ['PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'COMMIT'];

export const DEAL_STATUS_COLOR: Record<DealStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  MORE_INFO_REQUESTED: 'yellow',
  APPROVED: 'teal',
  REJECTED: 'red',
  WON: 'green',
  LOST: 'dark',
  EXPIRED: 'orange',
};

export const isDealStatus = (value: string): value is DealStatus => (DEAL_STATUSES as readonly string[]).includes(value);

/** "DR-12", the reference people use on the phone. */
export const dealReference = (number: number): string => `DR-${number}`;

export type DealAction =
  | 'submit'
  | 'edit'
  | 'requestExtension'
  | 'markWon'
  | 'markLost'
  | 'approve'
  | 'reject'
  | 'requestInfo'
  | 'decideExtension';

interface ActionState {
  status: DealStatus;
  extensionRequestedAt: string | null;
  extensionsUsed: number;
  rules: { maxExtensions: number };
}

/**
 * What the signed-in user can do with a registration now. Mirrors the API's lifecycle
 * (libs/domain/deals deal-lifecycle.ts) and role checks, so the page offers only actions that can work.
 */
export function dealActions(deal: ActionState, role: Role | undefined): DealAction[] {
  const actions: DealAction[] = [];
  const partner = hasRole(role, PARTNER_ROLES);
  const manager = hasRole(role, MANAGER_ROLES);
  if (partner && (deal.status === 'DRAFT' || deal.status === 'MORE_INFO_REQUESTED')) actions.push('submit', 'edit');
  if (manager && deal.status === 'SUBMITTED') actions.push('approve', 'reject', 'requestInfo');
  if (deal.status === 'APPROVED') {
    const extensionPossible = !deal.extensionRequestedAt && deal.extensionsUsed < deal.rules.maxExtensions;
    if (partner && extensionPossible) actions.push('requestExtension');
    if (manager && deal.extensionRequestedAt) actions.push('decideExtension');
    if (partner || manager) actions.push('markWon', 'markLost');
  }
  return actions;
}
