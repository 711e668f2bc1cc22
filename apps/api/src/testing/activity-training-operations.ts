// GraphQL documents of the activity and training operations (spread into DOCS), one per query and mutation.
const TYPE_FIELDS = 'id name kind approval evidenceRequired active';
const ACTIVITY_FIELDS = `id organisationId userId typeId occurredOn description evidenceUrl status decidedAt decisionReason userName organisation { id name } type { ${TYPE_FIELDS} }`;
const COURSE_FIELDS = 'id name certification validityMonths active';
const COMPLETION_FIELDS = `id organisationId userId courseId completedOn evidenceUrl source externalId expiresOn valid userName organisation { id name } course { ${COURSE_FIELDS} }`;

export const ACTIVITY_TRAINING_DOCS = {
  // Queries
  activities: `query($filter: ActivityFilter, $first: Int = 25, $after: String) {
    activities(filter: $filter, first: $first, after: $after) { edges { cursor node { ${ACTIVITY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  activityTypes: `query($includeInactive: Boolean) { activityTypes(includeInactive: $includeInactive) { ${TYPE_FIELDS} } }`,
  certifiedPeople: `query($organisationIds: [ID!]) { certifiedPeople(organisationIds: $organisationIds) { organisationId count asOf } }`,
  courseCompletions: `query($filter: CourseCompletionFilter, $first: Int = 25, $after: String) {
    courseCompletions(filter: $filter, first: $first, after: $after) { edges { cursor node { ${COMPLETION_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  courses: `query($includeInactive: Boolean) { courses(includeInactive: $includeInactive) { ${COURSE_FIELDS} } }`,
  // Mutations
  approveActivity: `mutation($id: ID!) { approveActivity(id: $id) { ${ACTIVITY_FIELDS} } }`,
  createActivityType: `mutation($input: ActivityTypeInput!) { createActivityType(input: $input) { ${TYPE_FIELDS} } }`,
  createCourse: `mutation($input: CourseInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`,
  importCourseCompletions: `mutation($input: ImportCourseCompletionsInput!) { importCourseCompletions(input: $input) { rows applied duplicates errors { row column message } } }`,
  logActivity: `mutation($input: LogActivityInput!) { logActivity(input: $input) { ${ACTIVITY_FIELDS} } }`,
  recordCourseCompletion: `mutation($input: RecordCourseCompletionInput!) { recordCourseCompletion(input: $input) { ${COMPLETION_FIELDS} } }`,
  rejectActivity: `mutation($id: ID!, $reason: String!) { rejectActivity(id: $id, reason: $reason) { ${ACTIVITY_FIELDS} } }`,
  updateActivityType: `mutation($id: ID!, $input: ActivityTypeInput!) { updateActivityType(id: $id, input: $input) { ${TYPE_FIELDS} } }`,
  updateCourse: `mutation($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { ${COURSE_FIELDS} } }`,
} as const;
