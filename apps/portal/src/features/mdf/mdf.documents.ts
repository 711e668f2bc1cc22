import { graphql } from '../../gql';

export const MdfBalancesFragment = graphql(`
  fragment MdfBalancesFields on MdfBalances {
    currency
    budget
    reserved
    claimed
    approved
    paid
    available
  }
`);

export const MdfFundSummaryFragment = graphql(`
  fragment MdfFundSummary on MdfFund {
    id
    organisationId
    programId
    periodKind
    periodStart
    periodEnd
    periodLabel
    currency
    budgetKind
    accrualRate
    expiresOn
    status
    lapsed
    claimDeadlineDays
    balances {
      ...MdfBalancesFields
    }
  }
`);

export const MdfTimelineEntryFragment = graphql(`
  fragment MdfTimelineEntryFields on MdfTimelineEntry {
    id
    at
    claimId
    actorName
    kind
    fromStatus
    toStatus
    comment
  }
`);

export const MdfRequestRowFragment = graphql(`
  fragment MdfRequestRow on MdfRequest {
    id
    number
    fundId
    organisationId
    status
    activityType
    title
    startDate
    endDate
    currency
    plannedCost
    requestedAmount
    approvedAmount
    claimDeadline
    submittedAt
  }
`);

export const MdfClaimRowFragment = graphql(`
  fragment MdfClaimRow on MdfClaim {
    id
    number
    requestId
    fundId
    organisationId
    status
    currency
    actualCost
    claimedAmount
    approvedAmount
    claimCap
    lastSubmittedAt
    paidAt
    paymentReference
    paymentDate
    files {
      id
      name
      contentType
      size
    }
  }
`);

export const MyMdfFundsDocument = graphql(`
  query MyMdfFunds($first: Int!, $after: String) {
    mdfFunds(first: $first, after: $after) {
      edges {
        node {
          ...MdfFundSummary
          budgetChanges {
            id
            at
            kind
            currency
            before
            after
            revenue
            revenueCurrency
            rate
            referenceStart
            referenceEnd
            reason
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    mdfExpiringFunds(withinDays: 60) {
      id
      periodLabel
      expiresOn
      balances {
        currency
        available
      }
    }
    tierStatus {
      program {
        id
        name
      }
    }
  }
`);

export const MdfFundActivityDocument = graphql(`
  query MdfFundActivity($fundId: ID!) {
    mdfRequests(first: 100, filter: { fundId: $fundId }) {
      edges {
        node {
          ...MdfRequestRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    mdfClaims(first: 100, filter: { fundId: $fundId }) {
      edges {
        node {
          ...MdfClaimRow
          request {
            id
            title
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** The fund a new request draws on, and the co-funding % of the partner's tier in its program. */
export const MdfRequestFormDataDocument = graphql(`
  query MdfRequestFormData($fundId: ID!) {
    mdfFund(id: $fundId) {
      ...MdfFundSummary
    }
    tierStatus {
      program {
        id
        name
      }
      currentTier {
        id
        name
        benefits {
          mdfCofundingPct
        }
      }
    }
  }
`);

export const CreateMdfRequestDocument = graphql(`
  mutation CreateMdfRequest($input: CreateMdfRequestInput!) {
    createMdfRequest(input: $input) {
      ...MdfRequestRow
      cofundingCap
    }
  }
`);

export const MdfRequestDetailDocument = graphql(`
  query MdfRequestDetail($id: ID!) {
    mdfRequest(id: $id) {
      ...MdfRequestRow
      description
      targetAudience
      cofundingPct
      cofundingCap
      expectedLeads
      expectedPipeline
      regularClaimDeadline
      extendedDeadline
      extensionReason
      decidedAt
      decisionComment
      fund {
        ...MdfFundSummary
        organisation {
          id
          name
        }
      }
      claims {
        ...MdfClaimRow
        attendees
        leads
        opportunities
        pipeline
        notes
        decisionComment
      }
      timeline {
        ...MdfTimelineEntryFields
      }
    }
  }
`);

export const SubmitMdfRequestDocument = graphql(`
  mutation SubmitMdfRequest($id: ID!, $comment: String) {
    submitMdfRequest(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

export const CancelMdfRequestDocument = graphql(`
  mutation CancelMdfRequest($id: ID!, $reason: String) {
    cancelMdfRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const MdfClaimRequestFragment = graphql(`
  fragment MdfClaimRequest on MdfRequest {
    ...MdfRequestRow
    cofundingPct
    claims {
      id
      status
    }
  }
`);

/** The approved request a new claim is made against. */
export const MdfClaimFormDataDocument = graphql(`
  query MdfClaimFormData($id: ID!) {
    mdfRequest(id: $id) {
      ...MdfClaimRequest
    }
  }
`);

/** A claim sent back for more information, with its request, for resubmitting. */
export const MdfClaimResubmitDataDocument = graphql(`
  query MdfClaimResubmitData($id: ID!) {
    mdfClaim(id: $id) {
      ...MdfClaimRow
      attendees
      leads
      opportunities
      pipeline
      notes
      decisionComment
      request {
        ...MdfClaimRequest
      }
    }
  }
`);
