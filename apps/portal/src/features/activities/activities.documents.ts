import { graphql } from '../../gql';

export const ActivityTypeRowFragment = graphql(`
  fragment ActivityTypeRow on ActivityType {
    id
    name
    kind
    approval
    evidenceRequired
    active
  }
`);

export const ActivityRowFragment = graphql(`
  fragment ActivityRow on Activity {
    id
    organisationId
    userId
    occurredOn
    description
    evidenceUrl
    status
    decidedAt
    decisionReason
    createdAt
    userName
    organisation {
      id
      name
    }
    type {
      id
      name
      approval
    }
  }
`);

export const ActivityTypesDocument = graphql(`
  query ActivityTypes($includeInactive: Boolean) {
    activityTypes(includeInactive: $includeInactive) {
      ...ActivityTypeRow
    }
  }
`);

export const ActivitiesDocument = graphql(`
  query Activities($filter: ActivityFilter, $first: Int!, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...ActivityRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const LogActivityDocument = graphql(`
  mutation LogActivity($input: LogActivityInput!) {
    logActivity(input: $input) {
      ...ActivityRow
    }
  }
`);

export const ApproveActivityDocument = graphql(`
  mutation ApproveActivity($id: ID!) {
    approveActivity(id: $id) {
      ...ActivityRow
    }
  }
`);

export const RejectActivityDocument = graphql(`
  mutation RejectActivity($id: ID!, $reason: String!) {
    rejectActivity(id: $id, reason: $reason) {
      ...ActivityRow
    }
  }
`);

export const CreateActivityTypeDocument = graphql(`
  mutation CreateActivityType($input: ActivityTypeInput!) {
    createActivityType(input: $input) {
      ...ActivityTypeRow
    }
  }
`);

export const UpdateActivityTypeDocument = graphql(`
  mutation UpdateActivityType($id: ID!, $input: ActivityTypeInput!) {
    updateActivityType(id: $id, input: $input) {
      ...ActivityTypeRow
    }
  }
`);
