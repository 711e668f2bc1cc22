import { graphql } from '../../gql';

export const LeadRowFragment = graphql(`
  fragment LeadRow on Lead {
    id
    number
    status
    companyName
    domain
    country
    city
    contactName
    currency
    estimatedMrr
    respondBy
    registrationId
    source
    createdAt
    assignedOrganisation {
      id
      name
    }
  }
`);

export const LeadDetailFragment = graphql(`
  fragment LeadDetail on Lead {
    ...LeadRow
    contactEmail
    contactPhone
    notes
    programId
    productIds
    assignments {
      id
      organisationId
      method
      assignedAt
      respondBy
      outcome
      outcomeAt
      declineReason
      responseSeconds
    }
  }
`);

export const LeadsDocument = graphql(`
  query Leads($first: Int!, $after: String, $filter: LeadFilter) {
    leads(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...LeadRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const LeadDocument = graphql(`
  query Lead($id: ID!) {
    lead(id: $id) {
      ...LeadDetail
    }
  }
`);

/** Programs and the product catalogue, to choose from in the lead form and to name them on a lead. */
export const LeadOptionsDocument = graphql(`
  query LeadOptions {
    programs {
      id
      name
      active
    }
    products {
      id
      sku
      name
      productLine
    }
  }
`);

/** Active partners matching what was typed, for assigning a lead by hand. */
export const LeadPartnerOptionsDocument = graphql(`
  query LeadPartnerOptions($first: Int!, $filter: PartnerFilter) {
    partners(first: $first, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
          city
          country
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CreateLeadDocument = graphql(`
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      ...LeadDetail
    }
  }
`);

export const AssignLeadDocument = graphql(`
  mutation AssignLead($id: ID!, $organisationId: ID) {
    assignLead(id: $id, organisationId: $organisationId) {
      ...LeadDetail
    }
  }
`);

export const WithdrawLeadDocument = graphql(`
  mutation WithdrawLead($id: ID!, $close: Boolean!) {
    withdrawLead(id: $id, close: $close) {
      ...LeadDetail
    }
  }
`);

export const AcceptLeadDocument = graphql(`
  mutation AcceptLead($id: ID!) {
    acceptLead(id: $id) {
      ...LeadDetail
    }
  }
`);

export const DeclineLeadDocument = graphql(`
  mutation DeclineLead($id: ID!, $reason: String!) {
    declineLead(id: $id, reason: $reason)
  }
`);

export const ImportLeadsDocument = graphql(`
  mutation ImportLeads($input: ImportLeadsInput!) {
    importLeads(input: $input) {
      applied
      rows
      imported
      rejected
      errors {
        row
        column
        message
      }
    }
  }
`);
