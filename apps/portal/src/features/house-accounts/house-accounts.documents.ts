import { graphql } from '../../gql';

export const HouseAccountsDocument = graphql(`
  query HouseAccounts($first: Int!, $after: String, $search: String) {
    houseAccounts(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          companyName
          domain
          country
          notes
          createdAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const CreateHouseAccountDocument = graphql(`
  mutation CreateHouseAccount($input: CreateHouseAccountInput!) {
    createHouseAccount(input: $input) {
      id
      companyName
      domain
      country
      notes
      createdAt
    }
  }
`);

export const DeleteHouseAccountDocument = graphql(`
  mutation DeleteHouseAccount($id: ID!) {
    deleteHouseAccount(id: $id)
  }
`);

export const ImportHouseAccountsDocument = graphql(`
  mutation ImportHouseAccounts($input: ImportHouseAccountsInput!) {
    importHouseAccounts(input: $input) {
      applied
      rows
      imported
      updated
      rejected
      errors {
        row
        column
        message
      }
    }
  }
`);
