import { graphql } from '../../gql';

export const PartnerHomeDocument = graphql(`
  query PartnerHome {
    me {
      id
      organisation {
        id
        name
        city
        country
      }
    }
    tierStatus {
      ...TierStatusCard
    }
  }
`);
