import { graphql } from '../../gql';

export const TierStatusCardFragment = graphql(`
  fragment TierStatusCard on TierStatus {
    enrolment {
      id
      tierSince
    }
    program {
      id
      name
      tiers {
        id
        name
        rank
      }
    }
    currentTier {
      id
      name
      rank
      benefits {
        rebateRate
        mdfAccrualRate
        dealRegistrationDiscount
        referralCommissionRate
        mdfCofundingPct
      }
    }
    nextTier {
      id
      name
    }
    nextTierRules {
      metric
      current
      target
      met
      missing
    }
    pendingChange {
      id
      kind
      status
      toTierId
      proposedAt
      effectiveAfter
    }
  }
`);
