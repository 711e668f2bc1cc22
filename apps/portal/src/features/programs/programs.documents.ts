import { graphql } from '../../gql';

export const TierDetailsFragment = graphql(`
  fragment TierDetails on Tier {
    id
    programId
    name
    rank
    benefits {
      rebateRate
      mdfAccrualRate
      dealRegistrationDiscount
      referralCommissionRate
      mdfCofundingPct
    }
    rules {
      metric
      min
    }
  }
`);

export const ProgramsDocument = graphql(`
  query Programs {
    programs {
      id
      name
      segment
      description
      active
      demotionGraceDays
      tiers {
        ...TierDetails
      }
    }
  }
`);

export const CreateProgramDocument = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      id
      name
    }
  }
`);

export const CreateTierDocument = graphql(`
  mutation CreateTier($input: CreateTierInput!) {
    createTier(input: $input) {
      ...TierDetails
    }
  }
`);

export const UpdateTierDocument = graphql(`
  mutation UpdateTier($id: ID!, $input: UpdateTierInput!) {
    updateTier(id: $id, input: $input) {
      ...TierDetails
    }
  }
`);
