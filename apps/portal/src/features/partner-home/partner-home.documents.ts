import { graphql } from '../../gql';

export const PartnerHomeDocument = graphql(`
  query PartnerHome {
    me {
      id
      role
      organisation {
        id
        name
        legalName
        city
        country
        website
        vatNumber
        preferredLanguage
      }
    }
    tierStatus {
      ...TierStatusCard
    }
  }
`);

export const UpdateMyOrganisationDocument = graphql(`
  mutation UpdateMyOrganisation($input: UpdateOrganisationProfileInput!) {
    updateMyOrganisation(input: $input) {
      id
      legalName
      city
      website
      domain
      vatNumber
      preferredLanguage
    }
  }
`);
