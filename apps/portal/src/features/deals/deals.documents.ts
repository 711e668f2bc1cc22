import { graphql } from '../../gql';

export const DealRulesFragment = graphql(`
  fragment DealRulesPanel on DealRules {
    programId
    protectionDays
    maxExtensions
    extensionDays
    reviewSlaBusinessDays
    minimumValue
    minimumValueCurrency
    allowHouseAccounts
    reminderDays
  }
`);

export const DealRowFragment = graphql(`
  fragment DealRow on DealRegistration {
    id
    number
    status
    customerName
    customerDomain
    customerCountry
    currency
    estimatedMrr
    estimatedOneTime
    estimatedFirstYearValue
    expectedCloseDate
    salesStage
    possibleConflict
    protectionEndsAt
    protectionDaysLeft
    extensionRequestedAt
    submittedAt
    createdAt
    organisation {
      id
      name
    }
  }
`);

export const DealDetailFragment = graphql(`
  fragment DealDetail on DealRegistration {
    ...DealRow
    programId
    customerCity
    contactName
    contactEmail
    contactPhone
    notes
    fromVendorLead
    reviewDueAt
    reviewOverdue
    decidedAt
    decisionReason
    approvedAt
    extensionsUsed
    extensionReason
    actualMrr
    actualOneTime
    actualCloseDate
    updatedAt
    products {
      productId
      sku
      name
      productLine
      quantity
    }
    rules {
      ...DealRulesPanel
    }
    timeline {
      id
      at
      type
      fromStatus
      toStatus
      actorName
      actorSide
      note
    }
  }
`);

export const DealRegistrationsDocument = graphql(`
  query DealRegistrations($first: Int!, $after: String, $filter: DealRegistrationFilter) {
    dealRegistrations(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...DealRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const DealRegistrationDocument = graphql(`
  query DealRegistration($id: ID!) {
    dealRegistration(id: $id) {
      ...DealDetail
    }
  }
`);

export const DealConflictsDocument = graphql(`
  query DealConflicts($id: ID!) {
    dealConflicts(id: $id) {
      source
      score
      reasons
      nameSimilarity
      registrationId
      registrationNumber
      registrationStatus
      organisationId
      organisationName
      houseAccountId
      customerName
      customerDomain
      customerCountry
      protectionEndsAt
    }
  }
`);

/** What the registration form needs: the partner's programs, home country and currency, and the catalogue. */
export const DealFormContextDocument = graphql(`
  query DealFormContext {
    me {
      id
      organisation {
        id
        country
        currency
        enrolments {
          id
          program {
            id
            name
          }
        }
      }
    }
    products {
      id
      sku
      name
      productLine
    }
  }
`);

export const DealRulesDocument = graphql(`
  query DealRules($programId: ID!) {
    dealRules(programId: $programId) {
      ...DealRulesPanel
    }
  }
`);

export const CheckDealConflictsDocument = graphql(`
  query CheckDealConflicts($input: DealConflictCheckInput!) {
    checkDealConflicts(input: $input) {
      domain
      normalisedName
      matches {
        source
        score
        registrationId
        registrationNumber
        registrationStatus
        customerName
        customerDomain
      }
    }
  }
`);

export const CreateDealRegistrationDocument = graphql(`
  mutation CreateDealRegistration($input: CreateDealRegistrationInput!) {
    createDealRegistration(input: $input) {
      ...DealDetail
    }
  }
`);

export const UpdateDealRegistrationDocument = graphql(`
  mutation UpdateDealRegistration($id: ID!, $input: UpdateDealRegistrationInput!) {
    updateDealRegistration(id: $id, input: $input) {
      ...DealDetail
    }
  }
`);

export const SubmitDealRegistrationDocument = graphql(`
  mutation SubmitDealRegistration($id: ID!) {
    submitDealRegistration(id: $id) {
      ...DealDetail
    }
  }
`);

export const RequestDealExtensionDocument = graphql(`
  mutation RequestDealExtension($id: ID!, $reason: String!) {
    requestDealExtension(id: $id, reason: $reason) {
      ...DealDetail
    }
  }
`);

export const MarkDealWonDocument = graphql(`
  mutation MarkDealWon($id: ID!, $input: MarkDealWonInput!) {
    markDealWon(id: $id, input: $input) {
      ...DealDetail
    }
  }
`);

export const MarkDealLostDocument = graphql(`
  mutation MarkDealLost($id: ID!, $reason: String!) {
    markDealLost(id: $id, reason: $reason) {
      ...DealDetail
    }
  }
`);

export const ApproveDealRegistrationDocument = graphql(`
  mutation ApproveDealRegistration($id: ID!, $note: String) {
    approveDealRegistration(id: $id, note: $note) {
      ...DealDetail
    }
  }
`);

export const RejectDealRegistrationDocument = graphql(`
  mutation RejectDealRegistration($id: ID!, $reason: String!) {
    rejectDealRegistration(id: $id, reason: $reason) {
      ...DealDetail
    }
  }
`);

export const RequestDealInformationDocument = graphql(`
  mutation RequestDealInformation($id: ID!, $reason: String!) {
    requestDealInformation(id: $id, reason: $reason) {
      ...DealDetail
    }
  }
`);

export const DecideDealExtensionDocument = graphql(`
  mutation DecideDealExtension($id: ID!, $approve: Boolean!, $note: String) {
    decideDealExtension(id: $id, approve: $approve, note: $note) {
      ...DealDetail
    }
  }
`);
