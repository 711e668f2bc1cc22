import { graphql } from '../../gql';

export const RevenueSummaryDocument = graphql(`
  query RevenueSummary($organisationId: ID, $month: String) {
    revenueSummary(organisationId: $organisationId, month: $month) {
      organisationId
      month
      currency
      mrr
      arr
      customers
      nrr
      grr
      cohortStartMrr
      logoChurnRate
      grossMrrChurn
      netMrrChurn
      arpa
      ltv
      ltvNote
      trend {
        month
        mrr
        arr
        customers
      }
      waterfall {
        opening
        new
        expansion
        reactivation
        transferIn
        contraction
        churn
        transferOut
        fx
        closing
      }
    }
  }
`);

export const UpcomingRenewalsDocument = graphql(`
  query UpcomingRenewals($organisationId: ID) {
    upcomingRenewals(organisationId: $organisationId) {
      subscriptionId
      customerId
      customerName
      organisationId
      productId
      termEndsOn
      daysLeft
      mrr
      currency
    }
    products(activeOnly: false) {
      id
      name
    }
  }
`);

export const RevenueMovementsDocument = graphql(`
  query RevenueMovements($filter: RevenueMovementFilter, $first: Int!, $after: String) {
    revenueMovements(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          date
          kind
          amount
          currency
          cause
          customerId
          customerName
          organisationId
          subscriptionId
          sourceId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const ExchangeRatesDocument = graphql(`
  query ExchangeRates {
    exchangeRates {
      currency
      rate
      validFrom
    }
  }
`);

export const RevenueLeaderboardDocument = graphql(`
  query RevenueLeaderboard(
    $sort: RevenueLeaderboardSort!
    $descending: Boolean!
    $first: Int!
    $after: String
    $month: String
    $filter: RevenueLeaderboardFilter
  ) {
    revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, month: $month, filter: $filter) {
      month
      currency
      totalCount
      endCursor
      hasNextPage
      rows {
        organisationId
        name
        country
        mrr
        arr
        mrrGrowth
        nrr
        grr
        logoChurnRate
        customers
      }
    }
  }
`);

export const RevenueRollupDocument = graphql(`
  query RevenueRollup($groupBy: RevenueGroupBy!, $month: String) {
    revenueRollup(groupBy: $groupBy, month: $month) {
      key
      label
      partners
      mrr
      arr
      customers
      nrr
      grr
      logoChurnRate
    }
  }
`);

export const RevenueCohortsDocument = graphql(`
  query RevenueCohorts {
    revenueCohorts {
      quarter
      partners
      startMrr
      quarters {
        offset
        mrr
        retention
      }
    }
  }
`);

export const RevenueCustomerDocument = graphql(`
  query RevenueCustomer($id: ID!) {
    revenueCustomer(id: $id) {
      id
      name
      domain
      country
      externalId
      createdAt
      organisationId
      organisation {
        id
        name
      }
      partnerHistory {
        id
        organisationId
        effectiveFrom
        organisation {
          id
          name
        }
      }
      subscriptions {
        id
        productId
        productName
        externalId
        status
        currency
        mrr
        termEndsOn
        events {
          id
          kind
          effectiveDate
          recordedOn
          status
          quantity
          unitPrice
          intervalMonths
          currency
          discountPercent
          discountAmount
          discountEndsOn
          paidThrough
          termEndsOn
          cancelledOn
          earlyRenewal
          source
          externalEventId
          mrr
        }
      }
    }
  }
`);
