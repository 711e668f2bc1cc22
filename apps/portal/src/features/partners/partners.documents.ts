import { graphql } from '../../gql';

export const PartnersDocument = graphql(`
  query Partners($first: Int!, $after: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
          city
          country
          status
          channelManager {
            id
            name
          }
          enrolments {
            id
            program {
              id
              name
            }
            tier {
              id
              name
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

export const PartnerFilterOptionsDocument = graphql(`
  query PartnerFilterOptions {
    programs {
      id
      name
      tiers {
        id
        name
        rank
      }
    }
    users(first: 100, filter: { role: CHANNEL_MANAGER }) {
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`);
