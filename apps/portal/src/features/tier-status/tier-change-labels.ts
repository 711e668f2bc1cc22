import type { TierChangeKind, TierChangeStatus } from '../../gql/graphql';

export const KIND_COLOR: Record<TierChangeKind, string> = {
  PROMOTION: 'teal',
  DEMOTION: 'orange',
  OVERRIDE: 'grape',
  ENROLMENT: 'blue',
};

export const STATUS_COLOR: Record<TierChangeStatus, string> = {
  PROPOSED: 'yellow',
  APPLIED: 'teal',
  REJECTED: 'red',
  CANCELLED: 'gray',
};
