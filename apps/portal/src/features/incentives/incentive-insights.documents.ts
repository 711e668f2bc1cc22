import { graphql } from '../../gql';

export const RewardRedemptionRowFragment = graphql(`
  fragment RewardRedemptionRow on RewardRedemption {
    id
    rewardId
    organisationId
    userId
    points
    status
    requestedAt
    reward {
      id
      name
    }
    organisation {
      id
      name
    }
    userName
  }
`);

export const RewardRedemptionsDocument = graphql(`
  query RewardRedemptions($first: Int!, $after: String, $filter: RewardRedemptionFilter) {
    rewardRedemptions(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...RewardRedemptionRow
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const FulfilRewardRedemptionDocument = graphql(`
  mutation FulfilRewardRedemption($id: ID!) {
    fulfilRewardRedemption(id: $id) {
      id
      status
    }
  }
`);

export const IncentiveMeasurementDocument = graphql(`
  query IncentiveMeasurement($planId: ID, $periodKey: String) {
    incentiveMeasurement(planId: $planId, periodKey: $periodKey) {
      periods {
        planId
        planName
        kind
        period
        currency
        eligible
        participants
        participationRate
        qualifyingUnits
        costPerUnit
        gainPerCost
        costAccrued
        costPaid
        gain
        gainNote
        roi
        budget
        budgetUsed
      }
      paymentDelays {
        planId
        planName
        paidStatements
        medianDays
        p90Days
      }
      redemptionSpeedDays
      pointsRedeemed
    }
  }
`);

export const PreviewIncentivePlanDocument = graphql(`
  query PreviewIncentivePlan($planId: ID!, $periodKey: String) {
    previewIncentivePlan(planId: $planId, periodKey: $periodKey) {
      planId
      period
      currency
      total
      totals {
        organisationId
        organisationName
        userId
        repName
        total
        lineCount
      }
      lines {
        organisationId
        organisationName
        userId
        repName
        rule
        eventDate
        sourceType
        sourceId
        sourceLabel
        base
        rate
        amount
        cappedBy
      }
    }
  }
`);
