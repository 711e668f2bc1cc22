import type { InvitationRowFragment } from '../../gql/graphql';

export type InvitationState = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export function invitationState(invitation: InvitationRowFragment, now: Date = new Date()): InvitationState {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  if (new Date(invitation.expiresAt) <= now) return 'EXPIRED';
  return 'PENDING';
}

export const INVITATION_STATE_COLOR: Record<InvitationState, string> = {
  PENDING: 'yellow',
  ACCEPTED: 'teal',
  REVOKED: 'gray',
  EXPIRED: 'gray',
};
