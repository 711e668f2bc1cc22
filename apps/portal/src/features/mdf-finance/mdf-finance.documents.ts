import { graphql } from '../../gql';

/** Approved claims not yet paid: the finance queue. */
export const MdfPayableClaimsDocument = graphql(`
  query MdfPayableClaims($first: Int!, $after: String) {
    mdfClaims(first: $first, after: $after, filter: { status: [APPROVED] }) {
      edges {
        node {
          ...MdfClaimRow
          decidedAt
          request {
            ...MdfRequestRef
          }
          fund {
            ...MdfFundOwner
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

export const MarkMdfClaimsPaidDocument = graphql(`
  mutation MarkMdfClaimsPaid($input: MarkMdfClaimsPaidInput!) {
    markMdfClaimsPaid(input: $input) {
      paymentId
      duplicate
      paymentReference
      paymentDate
      claims {
        id
        status
        paidAt
        paymentReference
        paymentDate
      }
    }
  }
`);
