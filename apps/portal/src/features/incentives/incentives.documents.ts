import { graphql } from '../../gql';

export const IncentivePlanRowFragment = graphql(`
  fragment IncentivePlanRow on IncentivePlan {
    id
    name
    kind
    status
    currency
    periodKind
    programId
    publishedAt
    createdAt
    versions {
      id
      version
      effectiveFrom
      rules
    }
    closes {
      id
      period
      statementCount
      closedAt
    }
  }
`);

export const IncentiveStatementRowFragment = graphql(`
  fragment IncentiveStatementRow on IncentiveStatement {
    id
    planId
    organisationId
    organisation {
      id
      name
    }
    repName
    userId
    period
    status
    currency
    total
    lineCount
    paymentMethod
    pointsAwarded
    approvedAt
    paidAt
    daysToPayment
    plan {
      id
      name
      kind
    }
  }
`);

/** The partner's "My rewards": published plans they take part in, each with its progress. */
export const MyIncentivePlansDocument = graphql(`
  query MyIncentivePlans {
    incentivePlans(first: 100, filter: { status: PUBLISHED }) {
      edges {
        node {
          id
          name
          kind
          currency
          periodKind
          versions {
            id
            effectiveFrom
            rules
          }
        }
      }
    }
  }
`);

export const IncentiveProgressDocument = graphql(`
  query IncentiveProgress($planId: ID!, $organisationId: ID) {
    incentiveProgress(planId: $planId, organisationId: $organisationId) {
      planId
      organisationId
      period
      unit
      currency
      measure
      accrued
      tierIndex
      nextTierIndex
      nextThreshold
      missing
      percentOfNext
    }
  }
`);

export const PointsDocument = graphql(`
  query Points($first: Int!, $after: String, $organisationId: ID, $organisationWallet: Boolean) {
    pointsBalance(organisationId: $organisationId, organisationWallet: $organisationWallet) {
      balance
      organisationId
      userId
    }
    pointsEntries(first: $first, after: $after, organisationId: $organisationId, organisationWallet: $organisationWallet) {
      edges {
        node {
          id
          kind
          amount
          at
          counterAccount
          sourceType
          sourceId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const IncentiveStatementsDocument = graphql(`
  query IncentiveStatements($first: Int!, $after: String, $filter: IncentiveStatementFilter) {
    incentiveStatements(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...IncentiveStatementRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const IncentiveStatementDocument = graphql(`
  query IncentiveStatement($id: ID!) {
    incentiveStatement(id: $id) {
      ...IncentiveStatementRow
      createdAt
      lines {
        id
        kind
        rule
        period
        eventPeriod
        eventDate
        base
        rate
        amount
        currency
        cappedBy
        reason
        userId
        source {
          type
          id
          label
        }
      }
    }
  }
`);

export const RewardsDocument = graphql(`
  query Rewards($first: Int!, $after: String) {
    rewards(first: $first, after: $after) {
      edges {
        node {
          id
          name
          kind
          pointsPrice
          stock
          active
          requiresApproval
          eligibleTierIds
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const RedeemRewardDocument = graphql(`
  mutation RedeemReward($input: RedeemRewardInput!) {
    redeemReward(input: $input) {
      id
      rewardId
      points
      status
      requestedAt
    }
  }
`);

// ---- vendor ----

export const IncentivePlansDocument = graphql(`
  query IncentivePlans($first: Int!, $after: String, $filter: IncentivePlanFilter) {
    incentivePlans(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...IncentivePlanRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CreateIncentivePlanDocument = graphql(`
  mutation CreateIncentivePlan($input: CreateIncentivePlanInput!) {
    createIncentivePlan(input: $input) {
      ...IncentivePlanRow
    }
  }
`);

export const PublishIncentivePlanDocument = graphql(`
  mutation PublishIncentivePlan($id: ID!) {
    publishIncentivePlan(id: $id) {
      ...IncentivePlanRow
    }
  }
`);

export const AddIncentivePlanVersionDocument = graphql(`
  mutation AddIncentivePlanVersion($planId: ID!, $effectiveFrom: String!, $rules: IncentiveRulesInput!) {
    addIncentivePlanVersion(planId: $planId, effectiveFrom: $effectiveFrom, rules: $rules) {
      id
      version
      effectiveFrom
      rules
    }
  }
`);

export const CloseIncentivePeriodDocument = graphql(`
  mutation CloseIncentivePeriod($planId: ID!, $period: String!) {
    closeIncentivePeriod(planId: $planId, period: $period) {
      id
      planId
      period
      statementCount
      closedAt
    }
  }
`);

export const ApproveIncentiveStatementDocument = graphql(`
  mutation ApproveIncentiveStatement($id: ID!) {
    approveIncentiveStatement(id: $id) {
      ...IncentiveStatementRow
    }
  }
`);

export const MarkIncentiveStatementsPaidDocument = graphql(`
  mutation MarkIncentiveStatementsPaid($input: MarkIncentiveStatementsPaidInput!) {
    markIncentiveStatementsPaid(input: $input) {
      ...IncentiveStatementRow
    }
  }
`);

export const CreateRewardDocument = graphql(`
  mutation CreateReward($input: CreateRewardInput!) {
    createReward(input: $input) {
      id
      name
      kind
      pointsPrice
      stock
      active
      requiresApproval
      eligibleTierIds
    }
  }
`);

export const ApproveRewardRedemptionDocument = graphql(`
  mutation ApproveRewardRedemption($id: ID!) {
    approveRewardRedemption(id: $id) {
      id
      status
      points
    }
  }
`);

export const RejectRewardRedemptionDocument = graphql(`
  mutation RejectRewardRedemption($id: ID!, $reason: String!) {
    rejectRewardRedemption(id: $id, reason: $reason) {
      id
      status
      points
    }
  }
`);

export const IncentiveProgramsDocument = graphql(`
  query IncentivePrograms {
    programs {
      id
      name
    }
  }
`);

export const IncentivePlanDocument = graphql(`
  query IncentivePlan($id: ID!) {
    incentivePlan(id: $id) {
      ...IncentivePlanRow
    }
  }
`);

/** Partner names for the statement review (statements carry only the organisation id). */
