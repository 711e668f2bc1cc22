import { graphql } from '../../gql';

export const DealMetricsDocument = graphql(`
  query DealMetrics($input: DealMetricsInput!) {
    dealMetrics(input: $input) {
      key
      label
      registrations
      pending
      approved
      rejected
      won
      lost
      expired
      approvalRate
      medianHoursToDecision
      winRate
      averageWonValue
      pipelineValue
      leadsAssigned
      leadsAccepted
      leadAcceptanceRate
      medianLeadResponseHours
    }
  }
`);
