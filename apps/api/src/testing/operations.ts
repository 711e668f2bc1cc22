import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { encodeCursor } from '@prm/domain/common';
import { ALLOW_KEY, type AllowRule } from '@prm/server/core';
import { ACTIVITY_TRAINING_DOCS } from './activity-training-operations';
import { INCENTIVE_DOCS } from './incentive-operations';
import { REFERRAL_DOCS } from './referral-operations';
import type { GqlResponse } from './test-app';

// Selections shared by several deal documents.
const DEAL_FIELDS = 'id number organisationId status customerName customerDomain possibleConflict protectionEndsAt extensionsUsed decisionReason';
const CONFLICT_FIELDS = 'source score reasons registrationId registrationNumber organisationId organisationName houseAccountId customerName customerDomain customerCountry';
const PRODUCT_FIELDS = 'id sku name productLine pricing listPrice currency active';
const RULES_FIELDS = 'programId protectionDays maxExtensions extensionDays reviewSlaBusinessDays minimumValue minimumValueCurrency allowHouseAccounts';
// Reads select no externalId/domain: the demo ledger's customer moved from Contoso to Northwind keeps its
// 'contoso-…' billing ids, which would trip the 'contoso' marker in Northwind's own (legitimate) answers.
const REVENUE_CUSTOMER_FIELDS = 'id name country organisationId';
const SUBSCRIPTION_EVENT_FIELDS = 'id subscriptionId kind effectiveDate status quantity unitPrice intervalMonths currency discountPercent discountAmount discountEndsOn paidThrough termEndsOn cancelledOn source externalEventId mrr';
const IMPORT_REPORT_FIELDS = 'rows applied duplicates errors { row column message }';
const MDF_BALANCES = 'balances { currency budget reserved claimed approved paid available }';
const MDF_FUND_FIELDS = `id organisationId programId periodKind periodStart periodEnd periodLabel currency budgetKind accrualRate referenceStart referenceEnd claimDeadlineDays expiresOn status lapsed ${MDF_BALANCES}`;
const MDF_REQUEST_FIELDS =
  'id number fundId organisationId createdByUserId status activityType title startDate endDate currency plannedCost requestedAmount cofundingPct cofundingCap approvedAmount expectedLeads expectedPipeline claimDeadline regularClaimDeadline extendedDeadline decisionComment';
const MDF_CLAIM_FIELDS =
  'id number requestId fundId organisationId status currency actualCost claimedAmount approvedAmount claimCap leads opportunities pipeline paidAt paymentReference paymentDate dealIds files { id name contentType size }';
const MDF_TIMELINE = 'timeline { kind fromStatus toStatus comment actorUserId actorName claimId }';
const MDF_SETTINGS_FIELDS = 'programId periodKind claimDeadlineDays expiryGraceDays currency';

/**
 * One GraphQL document per query and mutation of the API, shared by the authorization matrix and
 * the bad-input tests. Connection queries take `$first`/`$after` so paging can be probed too.
 */
export const DOCS = {
  // Queries
  apiKeys: `query($organisationId: ID) { apiKeys(organisationId: $organisationId) { id name organisationId role prefix } }`,
  auditLog: `query($filter: AuditFilter, $first: Int = 25, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) { edges { cursor node { id entityType entityId operation } } pageInfo { hasNextPage endCursor } } }`,
  invitations: `query($organisationId: ID, $first: Int = 25, $after: String) {
    invitations(organisationId: $organisationId, first: $first, after: $after) { edges { cursor node { id email organisationId role } } pageInfo { hasNextPage endCursor } } }`,
  me: `query { me { id email name role organisationId organisation { id name } } }`,
  organisation: `query($id: ID!) {
    organisation(id: $id) { id name legalName country city status channelManagerId channelManager { id name } enrolments { id organisationId tier { id name } program { id name } } } }`,
  partners: `query($filter: PartnerFilter, $first: Int = 25, $after: String) {
    partners(filter: $filter, first: $first, after: $after) { edges { cursor node { id name country } } pageInfo { hasNextPage endCursor } } }`,
  program: `query($id: ID!) { program(id: $id) { id name segment tiers { id name rank } } }`,
  programs: `query { programs { id name segment } }`,
  tierChanges: `query($filter: TierChangeFilter, $first: Int = 25, $after: String) {
    tierChanges(filter: $filter, first: $first, after: $after) { edges { cursor node { id organisationId enrolmentId programId kind status metrics { metric value } } } pageInfo { hasNextPage endCursor } } }`,
  tierStatus: `query($organisationId: ID) {
    tierStatus(organisationId: $organisationId) { enrolment { id organisationId } program { id name } currentTier { id name } metrics { metric value } pendingChange { id organisationId } } }`,
  user: `query($id: ID!) { user(id: $id) { id email name role organisationId organisation { id name } } }`,
  users: `query($filter: UserFilter, $first: Int = 25, $after: String) {
    users(filter: $filter, first: $first, after: $after) { edges { cursor node { id email name organisationId } } pageInfo { hasNextPage endCursor } } }`,

  // Queries: deal registration and notifications
  checkDealConflicts: `query($input: DealConflictCheckInput!) {
    checkDealConflicts(input: $input) { domain normalisedName matches { ${CONFLICT_FIELDS} } } }`,
  dealConflicts: `query($id: ID!) { dealConflicts(id: $id) { ${CONFLICT_FIELDS} } }`,
  dealRegistration: `query($id: ID!) {
    dealRegistration(id: $id) { ${DEAL_FIELDS} contactEmail organisation { id name } products { productId sku } timeline { type actorName } } }`,
  dealRegistrations: `query($filter: DealRegistrationFilter, $first: Int = 25, $after: String) {
    dealRegistrations(filter: $filter, first: $first, after: $after) { edges { cursor node { ${DEAL_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  dealReviewQueue: `query($filter: DealRegistrationFilter, $first: Int = 25, $after: String) {
    dealReviewQueue(filter: $filter, first: $first, after: $after) { edges { cursor node { ${DEAL_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  dealRules: `query($programId: ID!) { dealRules(programId: $programId) { ${RULES_FIELDS} } }`,
  houseAccounts: `query($search: String, $first: Int = 25, $after: String) {
    houseAccounts(search: $search, first: $first, after: $after) { edges { cursor node { id companyName domain country } } pageInfo { hasNextPage endCursor } } }`,
  mutedNotificationTypes: `query { mutedNotificationTypes }`,
  notifications: `query($unreadOnly: Boolean! = false, $first: Int = 25, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: $first, after: $after) { edges { cursor node { id type title entityType entityId readAt } } pageInfo { hasNextPage endCursor } } }`,
  products: `query($activeOnly: Boolean! = true) { products(activeOnly: $activeOnly) { ${PRODUCT_FIELDS} } }`,
  unreadNotificationCount: `query { unreadNotificationCount }`,

  dealMetrics: `query($input: DealMetricsInput!) { dealMetrics(input: $input) { key label registrations approved won approvalRate pipelineValue leadsAssigned } }`,
  lead: `query($id: ID!) { lead(id: $id) { id status companyName assignedOrganisationId assignments { organisationId outcome } } }`,
  leads: `query($filter: LeadFilter, $first: Int = 25, $after: String) {
    leads(filter: $filter, first: $first, after: $after) { edges { cursor node { id status companyName assignedOrganisationId } } pageInfo { hasNextPage endCursor } } }`,

  // Queries: recurring revenue
  exchangeRates: `query { exchangeRates { currency validFrom rate } }`,
  revenueCohorts: `query { revenueCohorts { quarter partners startMrr quarters { offset mrr retention } } }`,
  revenueCustomer: `query($id: ID!) {
    revenueCustomer(id: $id) { ${REVENUE_CUSTOMER_FIELDS} partnerHistory { organisationId effectiveFrom }
      subscriptions { id customerId productId status currency mrr termEndsOn events { id kind effectiveDate mrr } } } }`,
  revenueCustomers: `query($filter: RevenueCustomerFilter, $first: Int = 25, $after: String) {
    revenueCustomers(filter: $filter, first: $first, after: $after) { edges { cursor node { ${REVENUE_CUSTOMER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  revenueLeaderboard: `query($filter: RevenueLeaderboardFilter, $sort: RevenueLeaderboardSort, $descending: Boolean, $month: String, $first: Int = 25, $after: String) {
    revenueLeaderboard(filter: $filter, sort: $sort, descending: $descending, month: $month, first: $first, after: $after) {
      month currency totalCount hasNextPage endCursor rows { organisationId name country mrr arr mrrGrowth nrr grr logoChurnRate customers } } }`,
  revenueMovements: `query($filter: RevenueMovementFilter, $first: Int = 25, $after: String) {
    revenueMovements(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id customerId customerName subscriptionId organisationId date kind currency amount cause sourceId } } pageInfo { hasNextPage endCursor } } }`,
  revenueRollup: `query($groupBy: RevenueGroupBy! = TIER, $month: String) { revenueRollup(groupBy: $groupBy, month: $month) { key label partners mrr arr customers nrr grr logoChurnRate } }`,
  revenueSummary: `query($organisationId: ID, $month: String) {
    revenueSummary(organisationId: $organisationId, month: $month) { organisationId month currency mrr arr customers nrr grr logoChurnRate arpa ltv
      trend { month mrr customers } waterfall { opening new expansion contraction churn reactivation transferIn transferOut fx closing } } }`,
  upcomingRenewals: `query($organisationId: ID) {
    upcomingRenewals(organisationId: $organisationId) { subscriptionId customerId customerName organisationId productId termEndsOn daysLeft mrr currency } }`,

  // Queries: market development funds
  mdfClaim: `query($id: ID!) { mdfClaim(id: $id) { ${MDF_CLAIM_FIELDS} ${MDF_TIMELINE} fund { id ${MDF_BALANCES} } request { id status } } }`,
  mdfClaims: `query($filter: MdfClaimFilter, $first: Int = 25, $after: String) {
    mdfClaims(filter: $filter, first: $first, after: $after) { edges { cursor node { ${MDF_CLAIM_FIELDS} fund { id organisationId ${MDF_BALANCES} } } } pageInfo { hasNextPage endCursor } } }`,
  mdfExpiringFunds: `query($withinDays: Int = 30) { mdfExpiringFunds(withinDays: $withinDays) { ${MDF_FUND_FIELDS} } }`,
  mdfFund: `query($id: ID!) { mdfFund(id: $id) { ${MDF_FUND_FIELDS} organisation { id name } budgetChanges { kind currency before after revenue revenueCurrency rate referenceStart referenceEnd reason } } }`,
  mdfFunds: `query($filter: MdfFundFilter, $first: Int = 25, $after: String) {
    mdfFunds(filter: $filter, first: $first, after: $after) { edges { cursor node { ${MDF_FUND_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
  mdfProgramSettings: `query($programId: ID!) { mdfProgramSettings(programId: $programId) { ${MDF_SETTINGS_FIELDS} } }`,
  mdfReport: `query($groupBy: MdfReportGroup! = PARTNER, $filter: MdfReportFilter) {
    mdfReport(groupBy: $groupBy, filter: $filter) { key label currency funds budget reserved claimed approved paid spent available lapsed expiring utilisation
      leads opportunities pipeline leadsPerThousand pipelinePerUnit influencedRevenue influencedDeals roi medianSecondsToPayment paidClaims } }`,
  mdfRequest: `query($id: ID!) { mdfRequest(id: $id) { ${MDF_REQUEST_FIELDS} ${MDF_TIMELINE} fund { id ${MDF_BALANCES} } claims { id status } } }`,
  mdfRequests: `query($filter: MdfRequestFilter, $first: Int = 25, $after: String) {
    mdfRequests(filter: $filter, first: $first, after: $after) { edges { cursor node { ${MDF_REQUEST_FIELDS} fund { id organisationId ${MDF_BALANCES} } } } pageInfo { hasNextPage endCursor } } }`,

  // Mutations
  acceptLead: `mutation($id: ID!) { acceptLead(id: $id) { id status registrationId } }`,
  assignLead: `mutation($id: ID!, $organisationId: ID) { assignLead(id: $id, organisationId: $organisationId) { id status assignedOrganisationId } }`,
  createLead: `mutation($input: CreateLeadInput!) { createLead(input: $input) { id status companyName assignedOrganisationId } }`,
  declineLead: `mutation($id: ID!, $reason: String!) { declineLead(id: $id, reason: $reason) }`,
  importLeads: `mutation($input: ImportLeadsInput!) { importLeads(input: $input) { rows imported rejected applied errors { row column message } } }`,
  withdrawLead: `mutation($id: ID!, $close: Boolean) { withdrawLead(id: $id, close: $close) { id status } }`,
  acceptInvitation: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { id email organisationId } } }`,
  approveTierChange: `mutation($input: DecideTierChangeInput!) { approveTierChange(input: $input) { id status organisationId } }`,
  changePassword: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
  createApiKey: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id organisationId role name } } }`,
  createPartner: `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name country currency } }`,
  createProgram: `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id name } }`,
  createTier: `mutation($input: CreateTierInput!) { createTier(input: $input) { id name rank programId } }`,
  deactivateUser: `mutation($id: ID!) { deactivateUser(id: $id) { id email status organisationId } }`,
  enrolPartner: `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id organisationId programId tierId } }`,
  evaluateTiers: `mutation { evaluateTiers }`,
  inviteUser: `mutation($input: InviteUserInput!) { inviteUser(input: $input) { inviteUrl invitation { id email organisationId role } } }`,
  login: `mutation($input: LoginInput!) { login(input: $input) { accessToken user { id email organisationId } } }`,
  logout: `mutation { logout }`,
  overrideTier: `mutation($input: OverrideTierInput!) { overrideTier(input: $input) { id organisationId toTierId status } }`,
  reactivateUser: `mutation($id: ID!) { reactivateUser(id: $id) { id email status organisationId } }`,
  recordPartnerMetric: `mutation($input: RecordPartnerMetricInput!) { recordPartnerMetric(input: $input) { metric value } }`,
  refreshSession: `mutation { refreshSession { accessToken user { id email } } }`,
  rejectTierChange: `mutation($input: RejectTierChangeInput!) { rejectTierChange(input: $input) { id status organisationId } }`,
  revokeApiKey: `mutation($id: ID!) { revokeApiKey(id: $id) { id organisationId revokedAt } }`,
  revokeInvitation: `mutation($id: ID!) { revokeInvitation(id: $id) { id organisationId revokedAt } }`,
  updatePartner: `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id name country currency status } }`,
  updateMyOrganisation: `mutation($input: UpdateOrganisationProfileInput!) { updateMyOrganisation(input: $input) { id name city website } }`,
  updateProgram: `mutation($id: ID!, $input: UpdateProgramInput!) { updateProgram(id: $id, input: $input) { id name active demotionGraceDays } }`,
  updateTier: `mutation($id: ID!, $input: UpdateTierInput!) { updateTier(id: $id, input: $input) { id name benefits { rebateRate } } }`,

  // Mutations: deal registration and notifications
  approveDealRegistration: `mutation($id: ID!, $note: String) { approveDealRegistration(id: $id, note: $note) { ${DEAL_FIELDS} } }`,
  createDealRegistration: `mutation($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { ${DEAL_FIELDS} } }`,
  createHouseAccount: `mutation($input: CreateHouseAccountInput!) { createHouseAccount(input: $input) { id companyName domain country } }`,
  createProduct: `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`,
  decideDealExtension: `mutation($id: ID!, $approve: Boolean!, $note: String) { decideDealExtension(id: $id, approve: $approve, note: $note) { ${DEAL_FIELDS} } }`,
  decideDealRegistrations: `mutation($ids: [ID!]!, $decision: String!, $reason: String) {
    decideDealRegistrations(ids: $ids, decision: $decision, reason: $reason) { id ok code message } }`,
  deleteHouseAccount: `mutation($id: ID!) { deleteHouseAccount(id: $id) }`,
  importHouseAccounts: `mutation($input: ImportHouseAccountsInput!) {
    importHouseAccounts(input: $input) { rows imported updated rejected applied errors { row column message } } }`,
  markDealLost: `mutation($id: ID!, $reason: String!) { markDealLost(id: $id, reason: $reason) { ${DEAL_FIELDS} } }`,
  markDealWon: `mutation($id: ID!, $input: MarkDealWonInput!) { markDealWon(id: $id, input: $input) { ${DEAL_FIELDS} actualMrr actualOneTime actualCloseDate } }`,
  markNotificationsRead: `mutation($ids: [ID!]! = []) { markNotificationsRead(ids: $ids) }`,
  rejectDealRegistration: `mutation($id: ID!, $reason: String!) { rejectDealRegistration(id: $id, reason: $reason) { ${DEAL_FIELDS} } }`,
  requestDealExtension: `mutation($id: ID!, $reason: String!) { requestDealExtension(id: $id, reason: $reason) { ${DEAL_FIELDS} } }`,
  requestDealInformation: `mutation($id: ID!, $reason: String!) { requestDealInformation(id: $id, reason: $reason) { ${DEAL_FIELDS} } }`,
  setNotificationMute: `mutation($type: String!, $muted: Boolean!) { setNotificationMute(type: $type, muted: $muted) }`,
  submitDealRegistration: `mutation($id: ID!) { submitDealRegistration(id: $id) { ${DEAL_FIELDS} } }`,
  updateDealRegistration: `mutation($id: ID!, $input: UpdateDealRegistrationInput!) { updateDealRegistration(id: $id, input: $input) { ${DEAL_FIELDS} } }`,
  updateDealRules: `mutation($programId: ID!, $input: DealRulesInput!) { updateDealRules(programId: $programId, input: $input) { ${RULES_FIELDS} } }`,
  updateProduct: `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { ${PRODUCT_FIELDS} } }`,

  // Mutations: recurring revenue
  createSubscriptionsFromDeal: `mutation($id: ID!) { createSubscriptionsFromDeal(id: $id) { duplicate event { ${SUBSCRIPTION_EVENT_FIELDS} } } }`,
  createRevenueCustomer: `mutation($input: CreateRevenueCustomerInput!) { createRevenueCustomer(input: $input) { ${REVENUE_CUSTOMER_FIELDS} externalId domain } }`,
  importExchangeRates: `mutation($input: RevenueCsvImportInput!) { importExchangeRates(input: $input) { ${IMPORT_REPORT_FIELDS} } }`,
  importSubscriptionEvents: `mutation($input: RevenueCsvImportInput!) { importSubscriptionEvents(input: $input) { ${IMPORT_REPORT_FIELDS} } }`,
  recordSubscriptionEvent: `mutation($input: SubscriptionEventInput!) { recordSubscriptionEvent(input: $input) { duplicate event { ${SUBSCRIPTION_EVENT_FIELDS} } } }`,
  setExchangeRate: `mutation($input: ExchangeRateInput!) { setExchangeRate(input: $input) { currency validFrom rate } }`,
  transferRevenueCustomer: `mutation($input: TransferRevenueCustomerInput!) { transferRevenueCustomer(input: $input) { ${REVENUE_CUSTOMER_FIELDS} } }`,

  // Mutations: market development funds
  approveMdfClaim: `mutation($id: ID!, $amount: String, $comment: String) { approveMdfClaim(id: $id, amount: $amount, comment: $comment) { ${MDF_CLAIM_FIELDS} } }`,
  approveMdfRequest: `mutation($id: ID!, $amount: String, $comment: String) { approveMdfRequest(id: $id, amount: $amount, comment: $comment) { ${MDF_REQUEST_FIELDS} fund { id ${MDF_BALANCES} } } }`,
  bulkCreateMdfFunds: `mutation($input: BulkCreateMdfFundsInput!) { bulkCreateMdfFunds(input: $input) { created skipped funds { ${MDF_FUND_FIELDS} } } }`,
  cancelMdfRequest: `mutation($id: ID!, $reason: String) { cancelMdfRequest(id: $id, reason: $reason) { ${MDF_REQUEST_FIELDS} } }`,
  commentOnMdfClaim: `mutation($id: ID!, $comment: String!) { commentOnMdfClaim(id: $id, comment: $comment) { id status } }`,
  commentOnMdfRequest: `mutation($id: ID!, $comment: String!) { commentOnMdfRequest(id: $id, comment: $comment) { id status } }`,
  createMdfFund: `mutation($input: CreateMdfFundInput!) { createMdfFund(input: $input) { ${MDF_FUND_FIELDS} } }`,
  createMdfRequest: `mutation($input: CreateMdfRequestInput!) { createMdfRequest(input: $input) { ${MDF_REQUEST_FIELDS} } }`,
  extendMdfClaimDeadline: `mutation($id: ID!, $until: String!, $reason: String!) { extendMdfClaimDeadline(id: $id, until: $until, reason: $reason) { ${MDF_REQUEST_FIELDS} } }`,
  markMdfClaimsPaid: `mutation($input: MarkMdfClaimsPaidInput!) {
    markMdfClaimsPaid(input: $input) { paymentId idempotencyKey paymentReference paymentDate duplicate claims { ${MDF_CLAIM_FIELDS} } } }`,
  recomputeMdfAccruals: `mutation($fundId: ID) { recomputeMdfAccruals(fundId: $fundId) }`,
  rejectMdfClaim: `mutation($id: ID!, $reason: String!) { rejectMdfClaim(id: $id, reason: $reason) { ${MDF_CLAIM_FIELDS} } }`,
  rejectMdfRequest: `mutation($id: ID!, $reason: String!) { rejectMdfRequest(id: $id, reason: $reason) { ${MDF_REQUEST_FIELDS} } }`,
  requestMdfClaimInfo: `mutation($id: ID!, $comment: String!) { requestMdfClaimInfo(id: $id, comment: $comment) { ${MDF_CLAIM_FIELDS} } }`,
  requestMdfRequestInfo: `mutation($id: ID!, $comment: String!) { requestMdfRequestInfo(id: $id, comment: $comment) { ${MDF_REQUEST_FIELDS} } }`,
  setMdfProgramSettings: `mutation($programId: ID!, $input: MdfProgramSettingsInput!) { setMdfProgramSettings(programId: $programId, input: $input) { ${MDF_SETTINGS_FIELDS} } }`,
  submitMdfRequest: `mutation($id: ID!, $comment: String) { submitMdfRequest(id: $id, comment: $comment) { ${MDF_REQUEST_FIELDS} } }`,
  updateMdfFundBudget: `mutation($id: ID!, $budget: String!, $reason: String!) { updateMdfFundBudget(id: $id, budget: $budget, reason: $reason) { ${MDF_FUND_FIELDS} } }`,
  updateMdfRequest: `mutation($id: ID!, $input: UpdateMdfRequestInput!) { updateMdfRequest(id: $id, input: $input) { ${MDF_REQUEST_FIELDS} } }`,
  ...INCENTIVE_DOCS,
  ...REFERRAL_DOCS,
  ...ACTIVITY_TRAINING_DOCS,
} as const;

export type OperationName = keyof typeof DOCS;

/** `Query.x` / `Mutation.x` for every root field of the live schema. */
export function schemaOperations(app: INestApplication): string[] {
  const schema = app.get(GraphQLSchemaHost).schema;
  const names: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.keys(type.getFields())) names.push(`${type.name}.${field}`);
  }
  return names.sort();
}

// @nestjs/graphql's metadata keys for @Query/@Mutation handlers.
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** The @Allow/@Public rule declared on each query and mutation handler, keyed `Query.x` / `Mutation.x`. */
export function declaredAllowRules(app: INestApplication): Map<string, AllowRule | undefined> {
  const rules = new Map<string, AllowRule | undefined>();
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const providers = [...app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()]);
  for (const wrapper of providers) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[method] as () => unknown;
      const kind = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      if (kind !== 'Query' && kind !== 'Mutation') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      rules.set(`${kind}.${name}`, reflector.getAllAndOverride<AllowRule | undefined>(ALLOW_KEY, [handler, instance.constructor as () => unknown]));
    }
  }
  return rules;
}

/** Every value of `key` anywhere in a response tree (e.g. all `id`s or `organisationId`s). */
export function collect(value: unknown, key: string, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, key, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') into.push(v);
      else collect(v, key, into);
    }
  }
  return into;
}

/** Which of the markers (ids, names, e-mail domains) appear anywhere in a response, data and errors alike. */
export function mentions(res: GqlResponse<unknown>, markers: readonly string[]): string[] {
  const text = JSON.stringify({ data: res.data, errors: res.errors }).toLowerCase();
  return markers.filter((m) => text.includes(m.toLowerCase()));
}

/** A cursor the server itself would produce for these sort values (to probe well-formed but wrong cursors). */
export const cursorOf = (...values: (string | number)[]): string => encodeCursor(values);
