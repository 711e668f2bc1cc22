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

/** The fund of a queue row: its period and its partner. */
export const MdfFundOwnerFragment = graphql(`
  fragment MdfFundOwner on MdfFund {
    id
    periodLabel
    organisation {
      id
      name
    }
  }
`);

/** The request a claim row names. */
export const MdfRequestRefFragment = graphql(`
  fragment MdfRequestRef on MdfRequest {
    id
    number
    title
  }
`);

/** A claim with its results, its answer and the deals it links: what the claim card and the resubmit form show. */
export const MdfClaimDetailFragment = graphql(`
  fragment MdfClaimDetail on MdfClaim {
    ...MdfClaimRow
    attendees
    leads
    opportunities
    pipeline
    notes
    decisionComment
    dealIds
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
        ...MdfClaimDetail
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
      ...MdfClaimDetail
      request {
        ...MdfClaimRequest
      }
    }
  }
`);

export const MdfWonDealFragment = graphql(`
  fragment MdfWonDeal on DealRegistration {
    id
    number
    customerName
    currency
    actualMrr
    actualOneTime
  }
`);

/**
 * Won deal registrations a claim may link to (the influenced revenue): the partner's own, or, for vendor
 * staff, those of the organisation named. The API takes at most 100 a page, and a claim links at most 50.
 */
export const MdfWonDealsDocument = graphql(`
  query MdfWonDeals($organisationId: ID) {
    dealRegistrations(first: 100, filter: { statuses: ["WON"], organisationId: $organisationId }) {
      edges {
        node {
          ...MdfWonDeal
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
