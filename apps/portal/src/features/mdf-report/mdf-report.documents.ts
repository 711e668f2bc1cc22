import { graphql } from '../../gql';

export const MdfReportDocument = graphql(`
  query MdfReport($groupBy: MdfReportGroup!, $filter: MdfReportFilter) {
    mdfReport(groupBy: $groupBy, filter: $filter) {
      key
      label
      currency
      funds
      budget
      reserved
      claimed
      approved
      paid
      spent
      available
      lapsed
      expiring
      utilisation
      leads
      opportunities
      pipeline
      leadsPerThousand
      pipelinePerUnit
      influencedRevenue
      influencedDeals
      roi
      medianSecondsToPayment
      paidClaims
    }
    mdfExpiringFunds(withinDays: 60) {
      id
      periodLabel
      expiresOn
      organisation {
        id
        name
      }
      balances {
        currency
        available
      }
    }
  }
`);
