import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { MOVEMENT_KINDS } from '@prm/domain/revenue';
import { ALL_ROLES, Allow, CalendarDate, CountryCode, Ctx, EntityId, RequestContext, Role, sendCsv, VENDOR_ROLES } from '@prm/server/core';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { LedgerService } from '../services/ledger.service';
import { type GroupRollupRow, LEADERBOARD_SORTS, type LeaderboardRow, type LeaderboardSort, type MovementRow, type RenewalRow, RevenueReportsService } from '../services/revenue-reports.service';
import { CreateRevenueCustomerInput, SubscriptionEventInput } from './revenue.graphql';
import { toEventModel } from './revenue.resolver';

const BATCH = 1000;

export class RevenueExportQuery {
  @IsOptional() @EntityId() organisationId?: string;
  @IsOptional() @CalendarDate() month?: string;
  @IsOptional() @IsIn(['TIER', 'PROGRAM'], { message: 'Use TIER or PROGRAM.' }) groupBy?: 'TIER' | 'PROGRAM';
  @IsOptional() @IsIn([...MOVEMENT_KINDS], { message: 'Not a movement kind.' }) kind?: string;
}

/** The leaderboard query's sort and filters as URL parameters, so the export is the table as shown. */
export class LeaderboardExportQuery {
  @IsOptional() @CalendarDate() month?: string;
  @IsOptional() @IsIn([...LEADERBOARD_SORTS], { message: 'Not a sort field.' }) sort?: LeaderboardSort;
  @IsOptional() @IsIn(['true', 'false'], { message: 'Use true or false.' }) descending?: 'true' | 'false';
  @IsOptional() @EntityId() programId?: string;
  @IsOptional() @EntityId() tierId?: string;
  @IsOptional() @CountryCode() country?: string;
  @IsOptional() @EntityId() channelManagerId?: string;
}

/**
 * The billing-system endpoint (an API key with the vendor admin or channel manager role) and the
 * CSV exports of the revenue reports. Events are idempotent by the sender's `eventId`: a retry
 * answers 200 with `duplicate: true` and changes nothing; a first delivery answers 201.
 */
@Controller('api/revenue')
export class RevenueHttpController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reports: RevenueReportsService,
  ) {}

  @Post('events')
  @Allow(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER)
  @HttpCode(201)
  async event(@Ctx() ctx: RequestContext, @Body() body: SubscriptionEventInput, @Res({ passthrough: true }) res: Response) {
    const { event, duplicate } = await this.ledger.recordEvent(ctx, body, 'BILLING');
    if (duplicate) res.status(200);
    return { duplicate, event: toEventModel(event) };
  }

  @Post('customers')
  @Allow(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER)
  @HttpCode(201)
  async customer(@Ctx() ctx: RequestContext, @Body() body: CreateRevenueCustomerInput) {
    return { customer: await this.ledger.createCustomer(ctx, body) };
  }

  @Get('leaderboard.csv')
  @Allow(...ALL_ROLES)
  async leaderboardCsv(@Ctx() ctx: RequestContext, @Query() query: LeaderboardExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { month, sort, descending, ...filter } = query;
    const rows = await this.reports.leaderboard(ctx, filter, sort ?? 'ARR', descending !== 'false', month);
    const currency = this.reports.currency;
    const columns = ['organisationId', 'name', 'country', 'currency', 'mrr', 'arr', 'mrrGrowthPct', 'nrrPct', 'grrPct', 'logoChurnPct', 'customers'] as const;
    await sendCsv(req, res, 'revenue-leaderboard', columns, once(rows), (r: LeaderboardRow, c) => {
      switch (c) {
        case 'currency':
          return currency;
        case 'mrr':
          return formatMoneyPlain(money(r.mrrMinor, currency));
        case 'arr':
          return formatMoneyPlain(money(r.mrrMinor * 12n, currency));
        case 'mrrGrowthPct':
          return r.mrrGrowth;
        case 'nrrPct':
          return r.nrr;
        case 'grrPct':
          return r.grr;
        case 'logoChurnPct':
          return r.logoChurnRate;
        default:
          return r[c as keyof LeaderboardRow];
      }
    });
  }

  @Get('movements.csv')
  @Allow(...ALL_ROLES)
  async movementsCsv(@Ctx() ctx: RequestContext, @Query() query: RevenueExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (query.organisationId) ctx.assertCanSeeOrganisation(query.organisationId, 'Partner');
    const columns = ['id', 'date', 'organisationId', 'customerId', 'customerName', 'subscriptionId', 'kind', 'currency', 'amount', 'cause', 'sourceId'] as const;
    await sendCsv(req, res, 'revenue-movements', columns, this.movementBatches(ctx, query), (m: MovementRow, c) =>
      c === 'amount' ? formatMoneyPlain(money(m.amountMinor, m.currency)) : m[c as keyof MovementRow],
    );
  }

  @Get('renewals.csv')
  @Allow(...ALL_ROLES)
  async renewalsCsv(@Ctx() ctx: RequestContext, @Query() query: RevenueExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (query.organisationId) ctx.assertCanSeeOrganisation(query.organisationId, 'Partner');
    const rows = await this.reports.renewals(ctx, query.organisationId);
    const columns = ['subscriptionId', 'customerId', 'customerName', 'organisationId', 'productId', 'termEndsOn', 'daysLeft', 'currency', 'mrr'] as const;
    await sendCsv(req, res, 'renewals', columns, once(rows), (r: RenewalRow, c) => (c === 'mrr' ? formatMoneyPlain(money(r.mrrMinor, r.currency)) : r[c as keyof RenewalRow]));
  }

  @Get('rollup.csv')
  @Allow(...VENDOR_ROLES)
  async rollupCsv(@Ctx() ctx: RequestContext, @Query() query: RevenueExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const groupBy = query.groupBy ?? 'TIER';
    const rows = await this.reports.groupRollup(ctx, groupBy, query.month);
    const currency = this.reports.currency;
    const columns = ['key', 'label', 'partners', 'currency', 'mrr', 'arr', 'customers', 'nrr', 'grr', 'logoChurnRate'] as const;
    await sendCsv(req, res, `revenue-by-${groupBy.toLowerCase()}`, columns, once(rows), (r: GroupRollupRow, c) => {
      if (c === 'currency') return currency;
      if (c === 'mrr') return formatMoneyPlain(money(r.mrrMinor, currency));
      if (c === 'arr') return formatMoneyPlain(money(r.mrrMinor * 12n, currency));
      return r[c as keyof GroupRollupRow];
    });
  }

  @Get('cohorts.csv')
  @Allow(...ALL_ROLES)
  async cohortsCsv(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const cohorts = await this.reports.cohorts(ctx);
    const currency = this.reports.currency;
    const rows = cohorts.flatMap((c) => c.quarters.map((q) => ({ quarter: c.quarter, partners: c.partners, startMrrMinor: c.startMrrMinor, ...q })));
    const columns = ['quarter', 'partners', 'currency', 'startMrr', 'quartersLater', 'mrr', 'retentionPct'] as const;
    await sendCsv(req, res, 'revenue-cohorts', columns, once(rows), (r: (typeof rows)[number], c) => {
      if (c === 'currency') return currency;
      if (c === 'startMrr') return formatMoneyPlain(money(r.startMrrMinor, currency));
      if (c === 'quartersLater') return r.offset;
      if (c === 'mrr') return formatMoneyPlain(money(r.mrrMinor, currency));
      if (c === 'retentionPct') return r.retention;
      return r[c as 'quarter' | 'partners'];
    });
  }

  private async *movementBatches(ctx: RequestContext, query: RevenueExportQuery): AsyncGenerator<MovementRow[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.reports.movements(ctx, { organisationId: query.organisationId, month: query.month, kind: query.kind }, BATCH, after);
      yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
