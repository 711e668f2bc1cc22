import { graphql } from '../../gql';

export const MdfFundAdminDocument = graphql(`
  query MdfFundAdmin($first: Int!, $after: String, $filter: MdfFundFilter) {
    mdfFunds(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...MdfFundSummary
          ...MdfFundOwner
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** Programs with their tiers, for allocating and bulk-creating funds. */
export const MdfFundAdminChoicesDocument = graphql(`
  query MdfFundAdminChoices {
    programs {
      id
      name
      tiers {
        id
        name
        rank
      }
    }
  }
`);

export const MdfProgramSettingsFragment = graphql(`
  fragment MdfProgramSettingsFields on MdfProgramSettings {
    programId
    periodKind
    claimDeadlineDays
    expiryGraceDays
    currency
  }
`);

export const MdfProgramSettingsDocument = graphql(`
  query MdfProgramSettings($programId: ID!) {
    mdfProgramSettings(programId: $programId) {
      ...MdfProgramSettingsFields
    }
  }
`);

export const SetMdfProgramSettingsDocument = graphql(`
  mutation SetMdfProgramSettings($programId: ID!, $input: MdfProgramSettingsInput!) {
    setMdfProgramSettings(programId: $programId, input: $input) {
      ...MdfProgramSettingsFields
    }
  }
`);

export const CreateMdfFundDocument = graphql(`
  mutation CreateMdfFund($input: CreateMdfFundInput!) {
    createMdfFund(input: $input) {
      ...MdfFundSummary
    }
  }
`);

export const BulkCreateMdfFundsDocument = graphql(`
  mutation BulkCreateMdfFunds($input: BulkCreateMdfFundsInput!) {
    bulkCreateMdfFunds(input: $input) {
      created
      skipped
    }
  }
`);

export const UpdateMdfFundBudgetDocument = graphql(`
  mutation UpdateMdfFundBudget($id: ID!, $budget: String!, $reason: String!) {
    updateMdfFundBudget(id: $id, budget: $budget, reason: $reason) {
      ...MdfFundSummary
    }
  }
`);

export const RecomputeMdfAccrualsDocument = graphql(`
  mutation RecomputeMdfAccruals($fundId: ID) {
    recomputeMdfAccruals(fundId: $fundId)
  }
`);
