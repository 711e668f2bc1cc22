import { graphql } from '../../gql';

export const ReferralLinkDocument = graphql(`
  query ReferralLink($organisationId: ID) {
    referralLink(organisationId: $organisationId) {
      organisationId
      link {
        id
        code
        path
        active
        createdAt
        signupCount
      }
    }
  }
`);

export const CreateReferralLinkDocument = graphql(`
  mutation CreateReferralLink {
    createReferralLink {
      id
      organisationId
      code
      path
      active
      createdAt
      signupCount
    }
  }
`);

export const ReferralSignupsDocument = graphql(`
  query ReferralSignups($first: Int!, $after: String, $filter: ReferralSignupFilter) {
    referralSignups(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          organisationId
          organisationName
          prospectName
          prospectEmail
          company
          signedUpAt
          customerId
          customerName
          linkedAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const LinkReferralSignupDocument = graphql(`
  mutation LinkReferralSignup($input: LinkReferralSignupInput!) {
    linkReferralSignup(input: $input) {
      id
      customerId
      customerName
      linkedAt
    }
  }
`);

export const ReferralCustomerSearchDocument = graphql(`
  query ReferralCustomerSearch($search: String) {
    revenueCustomers(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          domain
        }
      }
    }
  }
`);
