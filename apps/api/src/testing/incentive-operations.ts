// GraphQL documents of the incentives operations (spread into DOCS), one per query and mutation.
const PLAN_FIELDS = 'id name kind programId periodKind currency status publishedAt';
const LINE_FIELDS = 'id planId organisationId userId rule kind period eventPeriod eventDate source { type id label } currency base rate amount cappedBy reason statementId';
const STATEMENT_FIELDS = 'id planId period organisationId userId currency total lineCount status paymentMethod pointsAwarded daysToPayment';
const REWARD_FIELDS = 'id name kind pointsPrice stock eligibleTierIds requiresApproval active';
const REDEMPTION_FIELDS = 'id rewardId organisationId userId points status';
const CLOSE_FIELDS = 'id planId period periodStart periodEnd statementCount';

export const INCENTIVE_DOCS = {
  // Queries: incentives
  incentiveAccruals: `query($filter: IncentiveAccrualFilter, $first: Int = 25, $after: String) {
    incentiveAccruals(filter: $filter, first: $first, after: $after) { edges { cursor node { ${LINE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  incentivePlan: `query($id: ID!) { incentivePlan(id: $id) { ${PLAN_FIELDS} versions { id version effectiveFrom rules } closes { ${CLOSE_FIELDS} } } }`,
  incentivePlans: `query($filter: IncentivePlanFilter, $first: Int = 25, $after: String) {
    incentivePlans(filter: $filter, first: $first, after: $after) { edges { cursor node { ${PLAN_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  incentiveProgress: `query($planId: ID!, $organisationId: ID) {
    incentiveProgress(planId: $planId, organisationId: $organisationId) { planId period organisationId measure unit tierIndex nextTierIndex nextThreshold missing percentOfNext accrued currency } }`,
  incentiveStatement: `query($id: ID!) { incentiveStatement(id: $id) { ${STATEMENT_FIELDS} organisation { id name } repName plan { id name } lines { ${LINE_FIELDS} } } }`,
  incentiveStatements: `query($filter: IncentiveStatementFilter, $first: Int = 25, $after: String) {
    incentiveStatements(filter: $filter, first: $first, after: $after) { edges { cursor node { ${STATEMENT_FIELDS} lines { ${LINE_FIELDS} } } } pageInfo { hasNextPage endCursor } } }`,
  pointsBalance: `query($organisationId: ID, $userId: ID, $organisationWallet: Boolean) {
    pointsBalance(organisationId: $organisationId, userId: $userId, organisationWallet: $organisationWallet) { organisationId userId balance } }`,
  pointsEntries: `query($organisationId: ID, $userId: ID, $organisationWallet: Boolean, $first: Int = 25, $after: String) {
    pointsEntries(organisationId: $organisationId, userId: $userId, organisationWallet: $organisationWallet, first: $first, after: $after) {
      edges { cursor node { id kind counterAccount amount sourceType sourceId } } pageInfo { hasNextPage endCursor } } }`,
  incentiveMeasurement: `query($planId: ID, $periodKey: String) { incentiveMeasurement(planId: $planId, periodKey: $periodKey) {
    periods { planId planName kind period currency eligible participants participationRate qualifyingUnits costPerUnit gainPerCost costAccrued costPaid gain gainNote roi budget budgetUsed }
    paymentDelays { planId planName paidStatements medianDays p90Days } redemptionSpeedDays pointsRedeemed } }`,
  previewIncentivePlan: `query($planId: ID!, $periodKey: String) { previewIncentivePlan(planId: $planId, periodKey: $periodKey) {
    planId period currency total totals { organisationId organisationName userId repName total lineCount }
    lines { organisationId organisationName userId repName rule eventDate sourceType sourceId sourceLabel base rate amount cappedBy } } }`,
  rewardRedemptions: `query($filter: RewardRedemptionFilter, $first: Int = 25, $after: String) {
    rewardRedemptions(filter: $filter, first: $first, after: $after) { edges { cursor node { ${REDEMPTION_FIELDS} reward { id name } organisation { id name } userName } } pageInfo { hasNextPage endCursor } } }`,
  rewards: `query($first: Int = 25, $after: String) { rewards(first: $first, after: $after) { edges { cursor node { ${REWARD_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  // Mutations: incentives
  addIncentivePlanVersion: `mutation($planId: ID!, $effectiveFrom: String!, $rules: IncentiveRulesInput!) {
    addIncentivePlanVersion(planId: $planId, effectiveFrom: $effectiveFrom, rules: $rules) { id version effectiveFrom rules } }`,
  approveIncentiveStatement: `mutation($id: ID!) { approveIncentiveStatement(id: $id) { ${STATEMENT_FIELDS} } }`,
  approveRewardRedemption: `mutation($id: ID!) { approveRewardRedemption(id: $id) { ${REDEMPTION_FIELDS} } }`,
  closeIncentivePeriod: `mutation($planId: ID!, $period: String!) { closeIncentivePeriod(planId: $planId, period: $period) { ${CLOSE_FIELDS} } }`,
  createIncentivePlan: `mutation($input: CreateIncentivePlanInput!) { createIncentivePlan(input: $input) { ${PLAN_FIELDS} } }`,
  fulfilRewardRedemption: `mutation($id: ID!) { fulfilRewardRedemption(id: $id) { ${REDEMPTION_FIELDS} } }`,
  createReward: `mutation($input: CreateRewardInput!) { createReward(input: $input) { ${REWARD_FIELDS} } }`,
  markIncentiveStatementsPaid: `mutation($input: MarkIncentiveStatementsPaidInput!) { markIncentiveStatementsPaid(input: $input) { ${STATEMENT_FIELDS} } }`,
  publishIncentivePlan: `mutation($id: ID!) { publishIncentivePlan(id: $id) { ${PLAN_FIELDS} } }`,
  recomputeIncentiveAccruals: `mutation($planId: ID!, $period: String) { recomputeIncentiveAccruals(planId: $planId, period: $period) { changed period } }`,
  redeemReward: `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { ${REDEMPTION_FIELDS} } }`,
  rejectRewardRedemption: `mutation($id: ID!, $reason: String!) { rejectRewardRedemption(id: $id, reason: $reason) { ${REDEMPTION_FIELDS} } }`,
  reverseIncentiveDeal: `mutation($input: ReverseIncentiveDealInput!) { reverseIncentiveDeal(input: $input) }`,
} as const;
