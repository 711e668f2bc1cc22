import { graphql } from '../../gql';

/** Requests waiting for a decision, each with its partner and the fund's balances. */
export const MdfRequestQueueDocument = graphql(`
  query MdfRequestQueue($first: Int!, $after: String) {
    mdfRequests(first: $first, after: $after, filter: { status: [SUBMITTED] }) {
      edges {
        node {
          ...MdfRequestRow
          cofundingCap
          fund {
            ...MdfFundOwner
            balances {
              ...MdfBalancesFields
            }
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

/** Claims waiting for a decision, each with its request, partner and the fund's balances. */
export const MdfClaimQueueDocument = graphql(`
  query MdfClaimQueue($first: Int!, $after: String) {
    mdfClaims(first: $first, after: $after, filter: { status: [SUBMITTED] }) {
      edges {
        node {
          ...MdfClaimRow
          request {
            ...MdfRequestRef
            approvedAmount
          }
          fund {
            ...MdfFundOwner
            balances {
              ...MdfBalancesFields
            }
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

export const ApproveMdfRequestDocument = graphql(`
  mutation ApproveMdfRequest($id: ID!, $amount: String, $comment: String) {
    approveMdfRequest(id: $id, amount: $amount, comment: $comment) {
      id
      status
      approvedAmount
    }
  }
`);

export const RejectMdfRequestDocument = graphql(`
  mutation RejectMdfRequest($id: ID!, $reason: String!) {
    rejectMdfRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const RequestMdfRequestInfoDocument = graphql(`
  mutation RequestMdfRequestInfo($id: ID!, $comment: String!) {
    requestMdfRequestInfo(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

export const CommentOnMdfRequestDocument = graphql(`
  mutation CommentOnMdfRequest($id: ID!, $comment: String!) {
    commentOnMdfRequest(id: $id, comment: $comment) {
      id
    }
  }
`);

export const ExtendMdfClaimDeadlineDocument = graphql(`
  mutation ExtendMdfClaimDeadline($id: ID!, $until: String!, $reason: String!) {
    extendMdfClaimDeadline(id: $id, until: $until, reason: $reason) {
      id
      claimDeadline
      extendedDeadline
    }
  }
`);

export const ApproveMdfClaimDocument = graphql(`
  mutation ApproveMdfClaim($id: ID!, $amount: String, $comment: String) {
    approveMdfClaim(id: $id, amount: $amount, comment: $comment) {
      id
      status
      approvedAmount
    }
  }
`);

export const RejectMdfClaimDocument = graphql(`
  mutation RejectMdfClaim($id: ID!, $reason: String!) {
    rejectMdfClaim(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const RequestMdfClaimInfoDocument = graphql(`
  mutation RequestMdfClaimInfo($id: ID!, $comment: String!) {
    requestMdfClaimInfo(id: $id, comment: $comment) {
      id
      status
    }
  }
`);

export const CommentOnMdfClaimDocument = graphql(`
  mutation CommentOnMdfClaim($id: ID!, $comment: String!) {
    commentOnMdfClaim(id: $id, comment: $comment) {
      id
    }
  }
`);
