import { graphql } from '../../gql';

export const SessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    name
    email
    role
    organisationId
    organisation {
      id
      name
      kind
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      expiresAt
      user {
        ...SessionUser
      }
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);
