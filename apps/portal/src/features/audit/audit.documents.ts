import { graphql } from '../../gql';

export const AuditLogDocument = graphql(`
  query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id
          at
          actorUserId
          actorApiKeyId
          entityType
          entityId
          operation
          requestId
          changes {
            field
            before
            after
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

export const AuditActorsDocument = graphql(`
  query AuditActors {
    users(first: 100) {
      edges {
        cursor
        node {
          id
          name
          email
        }
      }
    }
  }
`);
