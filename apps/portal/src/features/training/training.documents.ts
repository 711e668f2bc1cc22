import { graphql } from '../../gql';

export const CourseRowFragment = graphql(`
  fragment CourseRow on Course {
    id
    name
    certification
    validityMonths
    active
  }
`);

export const CompletionRowFragment = graphql(`
  fragment CompletionRow on CourseCompletion {
    id
    organisationId
    userId
    completedOn
    evidenceUrl
    source
    expiresOn
    valid
    userName
    course {
      id
      name
      certification
    }
  }
`);

export const CoursesDocument = graphql(`
  query Courses($includeInactive: Boolean) {
    courses(includeInactive: $includeInactive) {
      ...CourseRow
    }
  }
`);

export const CourseCompletionsDocument = graphql(`
  query CourseCompletions($filter: CourseCompletionFilter, $first: Int!, $after: String) {
    courseCompletions(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          ...CompletionRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CertifiedPeopleDocument = graphql(`
  query CertifiedPeople($organisationIds: [ID!]) {
    certifiedPeople(organisationIds: $organisationIds) {
      organisationId
      count
      asOf
    }
  }
`);

export const RecordCourseCompletionDocument = graphql(`
  mutation RecordCourseCompletion($input: RecordCourseCompletionInput!) {
    recordCourseCompletion(input: $input) {
      ...CompletionRow
    }
  }
`);

export const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CourseInput!) {
    createCourse(input: $input) {
      ...CourseRow
    }
  }
`);

export const UpdateCourseDocument = graphql(`
  mutation UpdateCourse($id: ID!, $input: CourseInput!) {
    updateCourse(id: $id, input: $input) {
      ...CourseRow
    }
  }
`);

export const ImportCourseCompletionsDocument = graphql(`
  mutation ImportCourseCompletions($input: ImportCourseCompletionsInput!) {
    importCourseCompletions(input: $input) {
      rows
      applied
      duplicates
      errors {
        row
        column
        message
      }
    }
  }
`);
