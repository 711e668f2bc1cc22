import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { encodeCursor } from '@prm/domain/common';
import { formatMoneyPlain, formatPercent, money, type Percent } from '@prm/domain/money';
import { monthlyRecurringMinor } from '@prm/domain/revenue';
import { Allow, AllowAuthenticated, type Connection, Ctx, groupByKeys, IdArgs, loaderFor, PageArgs, parseCursor, type PrmRequest, RequestContext, Role } from '@prm/server/core';
import { DealSetupService } from '@prm/server/deals';
import { IdentityLoaders, OrganisationModel, toOrganisationModel } from '@prm/server/identity';
import { LedgerService } from '../services/ledger.service';
import { type EventRow, termsOf } from '../services/ledger.types';
import { RevenueReportsService } from '../services/revenue-reports.service';
import {
  CohortModel,
  CreateRevenueCustomerInput,
  ExchangeRateInput,
  ExchangeRateModel,
  GroupRollupModel,
  LeaderboardModel,
  MovementConnection,
  MovementModel,
  PartnerOfRecordModel,
  RecordedEventModel,
  RenewalModel,
  RevenueCsvImportInput,
  RevenueCustomerConnection,
  RevenueCustomerFilter,
  RevenueCustomerModel,
  RevenueGroupArgs,
  RevenueImportReportModel,
  RevenueLeaderboardArgs,
  RevenueLeaderboardFilter,
  RevenueMovementFilter,
  RevenuePartnerArgs,
  RevenueScopeArgs,
  RevenueSummaryModel,
  type SubscriptionEventKind,
  SubscriptionEventInput,
  SubscriptionEventModel,
  SubscriptionModel,
  TransferRevenueCustomerInput,
} from './revenue.graphql';

const WRITERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const MAX_LEADERBOARD_PAGE = 500;

export function toEventModel(e: EventRow): SubscriptionEventModel {
  const fmt = (minor: bigint) => formatMoneyPlain(money(minor, e.currency));
  return {
    id: e.id,
    subscriptionId: e.subscriptionId,
    kind: e.kind as SubscriptionEventKind,
    effectiveDate: e.effectiveDate,
    recordedOn: e.recordedOn,
    status: e.status,
    quantity: e.quantity,
    unitPrice: fmt(e.unitPriceMinor),
    intervalMonths: e.intervalMonths,
    currency: e.currency,
    discountPercent: e.discountKind === 'PERCENT' && e.discountValue !== null ? formatPercent(e.discountValue as Percent) : null,
    discountAmount: e.discountKind === 'AMOUNT' && e.discountValue !== null ? fmt(e.discountValue) : null,
    discountEndsOn: e.discountKind ? e.discountEndsOn : null,
    paidThrough: e.paidThrough,
    termEndsOn: e.termEndsOn,
    cancelledOn: e.cancelledOn,
    earlyRenewal: e.earlyRenewal,
    source: e.source,
    externalEventId: e.externalEventId,
    recordedAt: e.recordedAt,
    mrr: fmt(monthlyRecurringMinor(termsOf(e), e.effectiveDate)),
  };
}

@Resolver(() => RevenueCustomerModel)
export class RevenueResolver {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reports: RevenueReportsService,
    private readonly identity: IdentityLoaders,
    private readonly deals: DealSetupService,
  ) {}

  private base(minor: bigint | null): string | null {
    return minor === null ? null : formatMoneyPlain(money(minor, this.reports.currency));
  }

  // ---- ledger ----

  @Query(() => RevenueCustomerConnection, { description: 'End customers; partners see only their own' })
  @AllowAuthenticated()
  revenueCustomers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => RevenueCustomerFilter, nullable: true }) filter?: RevenueCustomerFilter,
  ): Promise<Connection<RevenueCustomerModel>> {
    return this.ledger.customers(ctx, filter ?? {}, page.first, page.after);
  }

  @Query(() => RevenueCustomerModel)
  @AllowAuthenticated()
  revenueCustomer(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<RevenueCustomerModel> {
    return this.ledger.customer(ctx, id);
  }

  @ResolveField('organisation', () => OrganisationModel, { nullable: true })
  async organisation(@Parent() customer: RevenueCustomerModel, @Context('req') req: PrmRequest): Promise<OrganisationModel | null> {
    const org = await this.identity.organisation(req).load(customer.organisationId);
    return org ? toOrganisationModel(org) : null;
  }

  @ResolveField('partnerHistory', () => [PartnerOfRecordModel], { description: 'Partners of record, oldest first' })
  async partnerHistory(@Ctx() ctx: RequestContext, @Parent() customer: RevenueCustomerModel, @Context('req') req: PrmRequest): Promise<PartnerOfRecordModel[]> {
    const history = loaderFor(req, 'revenuePartnerHistory', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.ledger.partnerHistory(ids), (r) => r.customerId),
    );
    // A partner sees its own periods only, never who had the customer before or after.
    const rows = (await history.load(customer.id)).filter((r) => !ctx.partnerScope || r.organisationId === ctx.partnerScope);
    return Promise.all(
      rows.map(async (r) => {
        const org = await this.identity.organisation(req).load(r.organisationId);
        return { id: r.id, organisationId: r.organisationId, organisation: org ? toOrganisationModel(org) : null, effectiveFrom: r.from };
      }),
    );
  }

  @ResolveField('subscriptions', () => [SubscriptionModel])
  async subscriptions(@Ctx() ctx: RequestContext, @Parent() customer: RevenueCustomerModel, @Context('req') req: PrmRequest): Promise<SubscriptionModel[]> {
    // One batch per request for a page of customers: their subscriptions, events, products and partner records.
    const batch = loaderFor(req, 'revenueSubscriptions', async (ids: readonly string[]) => {
      const subs = await this.ledger.subscriptionsOf(ctx, ids);
      const allEvents = await this.ledger.eventsOf(subs.map((x) => x.id));
      const names = new Map((await this.deals.productsByIds([...new Set(subs.map((x) => x.productId))])).map((p) => [p.id, p.name]));
      const records = ctx.partnerScope ? await this.ledger.partnerHistory(ids) : [];
      return groupByKeys(ids, subs, (x) => x.customerId).map((list) =>
        list.map((sub) => ({ sub, events: allEvents.filter((e) => e.subscriptionId === sub.id), records: records.filter((r) => r.customerId === sub.customerId), names })),
      );
    });
    const loaded = await batch.load(customer.id);
    const subs = loaded.map((l) => l.sub);
    const events = loaded.flatMap((l) => l.events);
    const products = loaded[0]?.names ?? new Map<string, string>();
    const records = loaded[0]?.records ?? [];
    const today = this.ledger.today();
    // A partner sees the history from when the customer became its own (and the terms it took over), not
    // the prices and discounts of an earlier partner's period.
    const since = ctx.partnerScope ? (records.filter((r) => r.organisationId === ctx.partnerScope).at(-1)?.from ?? null) : null;
    return subs.map((s) => {
      const all = events.filter((e) => e.subscriptionId === s.id);
      const takenOver = since ? all.filter((e) => e.effectiveDate < since).at(-1) : undefined;
      const own = since ? all.filter((e) => e === takenOver || e.effectiveDate >= since) : all;
      const now = [...own].reverse().find((e) => e.effectiveDate <= today) ?? own[0]!;
      const mrr = now.effectiveDate <= today ? monthlyRecurringMinor(termsOf(now), today) : 0n;
      return {
        id: s.id,
        customerId: s.customerId,
        productId: s.productId,
        productName: products.get(s.productId) ?? null,
        externalId: s.externalId,
        status: now.effectiveDate <= today ? now.status : 'NOT_STARTED',
        currency: now.currency,
        mrr: formatMoneyPlain(money(mrr, now.currency)),
        termEndsOn: now.termEndsOn,
        events: own.map(toEventModel),
      };
    });
  }

  @Mutation(() => RevenueCustomerModel, { description: 'Add an end customer with its partner of record' })
  @Allow(...WRITERS)
  createRevenueCustomer(@Ctx() ctx: RequestContext, @Args('input') input: CreateRevenueCustomerInput): Promise<RevenueCustomerModel> {
    return this.ledger.createCustomer(ctx, input);
  }

  @Mutation(() => RevenueCustomerModel, { description: 'Move a customer to another partner of record from a date; its MRR moves as transfer out / transfer in' })
  @Allow(...WRITERS)
  transferRevenueCustomer(@Ctx() ctx: RequestContext, @Args('input') input: TransferRevenueCustomerInput): Promise<RevenueCustomerModel> {
    return this.ledger.transferCustomer(ctx, input);
  }

  @Mutation(() => RecordedEventModel, { description: 'Record a subscription event (idempotent by eventId)' })
  @Allow(...WRITERS)
  async recordSubscriptionEvent(@Ctx() ctx: RequestContext, @Args('input') input: SubscriptionEventInput): Promise<RecordedEventModel> {
    const { event, duplicate } = await this.ledger.recordEvent(ctx, input, 'API');
    return { event: toEventModel(event), duplicate };
  }

  @Mutation(() => [RecordedEventModel], { description: 'A won deal becomes subscriptions (one per recurring product line, at list price); repeating it changes nothing' })
  @Allow(...WRITERS)
  async createSubscriptionsFromDeal(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<RecordedEventModel[]> {
    const results = await this.ledger.subscriptionsFromDeal(ctx, id);
    return results.map((r) => ({ event: toEventModel(r.event), duplicate: r.duplicate }));
  }

  @Mutation(() => RevenueImportReportModel, { description: 'CSV import of subscription events; all or nothing unless importValidRows' })
  @Allow(...WRITERS)
  importSubscriptionEvents(@Ctx() ctx: RequestContext, @Args('input') input: RevenueCsvImportInput): Promise<RevenueImportReportModel> {
    return this.ledger.importEventsCsv(ctx, input.csv, input.importValidRows);
  }

  @Query(() => [ExchangeRateModel])
  @AllowAuthenticated()
  exchangeRates(): Promise<ExchangeRateModel[]> {
    return this.ledger.exchangeRates();
  }

  @Mutation(() => ExchangeRateModel, { description: 'Set the rate of a currency from a day on (base-currency units per unit)' })
  @Allow(Role.VENDOR_ADMIN)
  setExchangeRate(@Ctx() ctx: RequestContext, @Args('input') input: ExchangeRateInput): Promise<ExchangeRateModel> {
    return this.ledger.setExchangeRate(ctx, input);
  }

  @Mutation(() => RevenueImportReportModel, { description: 'CSV of currency, valid_from, rate; all or nothing' })
  @Allow(Role.VENDOR_ADMIN)
  importExchangeRates(@Ctx() ctx: RequestContext, @Args('input') input: RevenueCsvImportInput): Promise<RevenueImportReportModel> {
    return this.ledger.importRatesCsv(ctx, input.csv);
  }

  // ---- reports ----

  @Query(() => RevenueSummaryModel, { description: 'MRR, ARR, NRR, GRR, churn, trend and waterfall; partners always get their own, vendor staff one partner or (no id) the vendor' })
  @AllowAuthenticated()
  async revenueSummary(@Ctx() ctx: RequestContext, @Args() { organisationId, month }: RevenueScopeArgs): Promise<RevenueSummaryModel> {
    const s = await this.reports.summary(ctx, organisationId, month);
    const w = s.waterfall;
    return {
      ...s,
      mrr: this.base(s.mrrMinor)!,
      arr: this.base(s.mrrMinor * 12n)!,
      cohortStartMrr: this.base(s.cohortStartMinor)!,
      arpa: this.base(s.arpaMinor),
      ltv: this.base(s.ltvMinor),
      trend: s.trend.map((p) => ({ month: p.month, mrr: this.base(p.mrrMinor)!, arr: this.base(p.mrrMinor * 12n)!, customers: p.customers })),
      waterfall: {
        opening: this.base(w.openingMinor)!,
        new: this.base(w.movements.new)!,
        expansion: this.base(w.movements.expansion)!,
        contraction: this.base(w.movements.contraction)!,
        churn: this.base(w.movements.churn)!,
        reactivation: this.base(w.movements.reactivation)!,
        transferIn: this.base(w.movements.transfer_in)!,
        transferOut: this.base(w.movements.transfer_out)!,
        fx: this.base(w.movements.fx)!,
        closing: this.base(w.closingMinor)!,
      },
    };
  }

  @Query(() => [RenewalModel], { description: 'Active subscriptions whose term ends within 90 days' })
  @AllowAuthenticated()
  async upcomingRenewals(@Ctx() ctx: RequestContext, @Args() { organisationId }: RevenuePartnerArgs): Promise<RenewalModel[]> {
    if (organisationId) ctx.assertCanSeeOrganisation(organisationId, 'Partner');
    const rows = await this.reports.renewals(ctx, organisationId);
    return rows.map((r) => ({ ...r, mrr: formatMoneyPlain(money(r.mrrMinor, r.currency)) }));
  }

  @Query(() => LeaderboardModel, { description: 'Partners by ARR, MRR growth, NRR, GRR or logo churn; partners see only their own row' })
  @AllowAuthenticated()
  async revenueLeaderboard(
    @Ctx() ctx: RequestContext,
    @Args() args: RevenueLeaderboardArgs,
    @Args('filter', { type: () => RevenueLeaderboardFilter, nullable: true }) filter?: RevenueLeaderboardFilter,
  ): Promise<LeaderboardModel> {
    const month = this.reports.resolveMonth(args.month);
    const rows = await this.reports.leaderboard(ctx, filter ?? {}, args.sort, args.descending, month);
    const offset = args.after === undefined || args.after === null ? 0 : Number(parseCursor(args.after, ['bigint'])![0]);
    const first = Math.min(args.first, MAX_LEADERBOARD_PAGE);
    const page = rows.slice(offset, offset + first);
    const hasNextPage = offset + first < rows.length;
    return {
      month,
      currency: this.reports.currency,
      totalCount: rows.length,
      hasNextPage,
      endCursor: hasNextPage ? encodeCursor([offset + first]) : null,
      rows: page.map((r) => ({ ...r, mrr: this.base(r.mrrMinor)!, arr: this.base(r.mrrMinor * 12n)! })),
    };
  }

  @Query(() => [GroupRollupModel], { description: 'Figures per tier or per program for a month' })
  @Allow(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER, Role.ANALYST)
  async revenueRollup(@Ctx() ctx: RequestContext, @Args() { groupBy, month }: RevenueGroupArgs): Promise<GroupRollupModel[]> {
    const rows = await this.reports.groupRollup(ctx, groupBy, month);
    return rows.map((r) => ({ ...r, mrr: this.base(r.mrrMinor)!, arr: this.base(r.mrrMinor * 12n)! }));
  }

  @Query(() => [CohortModel], { description: 'MRR retention of partners grouped by the quarter they first had recurring revenue' })
  @AllowAuthenticated()
  async revenueCohorts(@Ctx() ctx: RequestContext): Promise<CohortModel[]> {
    const rows = await this.reports.cohorts(ctx);
    return rows.map((c) => ({
      quarter: c.quarter,
      partners: c.partners,
      startMrr: this.base(c.startMrrMinor)!,
      quarters: c.quarters.map((q) => ({ offset: q.offset, mrr: this.base(q.mrrMinor)!, retention: q.retention })),
    }));
  }

  @Query(() => MovementConnection, { description: 'The movements behind a figure, newest first; each names the event that caused it' })
  @AllowAuthenticated()
  async revenueMovements(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => RevenueMovementFilter, nullable: true }) filter?: RevenueMovementFilter,
  ): Promise<Connection<MovementModel>> {
    if (filter?.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const result = await this.reports.movements(ctx, filter ?? {}, page.first, page.after);
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: { ...e.node, amount: formatMoneyPlain(money(e.node.amountMinor, e.node.currency)) } })) };
  }
}
