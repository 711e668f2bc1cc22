import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { ALL_ROLES, Allow, Ctx, EntityId, RequestContext, sendCsv, trim, VENDOR_ROLES } from '@prm/server/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import type { HouseAccountEntity } from '../entities/deals.entities';
import { DealSetupService } from '../services/deal-setup.service';
import { type Lead, type LeadQuery, LeadsService } from '../services/leads.service';

const BATCH = 500;

const LEAD_COLUMNS = [
  'number',
  'id',
  'status',
  'companyName',
  'domain',
  'country',
  'city',
  'contactName',
  'contactEmail',
  'contactPhone',
  'programId',
  'productIds',
  'currency',
  'estimatedMrr',
  'notes',
  'source',
  'assignedOrganisationId',
  'respondBy',
  'registrationId',
  'createdAt',
] as const;

const HOUSE_ACCOUNT_COLUMNS = ['id', 'companyName', 'domain', 'country', 'notes', 'createdAt'] as const;

/** The `leads` query's filter as URL parameters: statuses may be repeated or comma-separated ("ASSIGNED,ACCEPTED"). */
export class LeadExportFilter implements LeadQuery {
  @IsOptional() @IsArray() @ArrayMaxSize(4) @IsString({ each: true })
  @Transform(({ value }) => {
    const list: unknown = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])) : value;
    return Array.isArray(list) ? list.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)).filter((v) => v !== '') : list;
  })
  statuses?: string[];

  @IsOptional() @EntityId()
  organisationId?: string;

  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;
}

export class HouseAccountExportFilter {
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  search?: string;
}

/** CSV exports of the lead list (partners: only the leads the `leads` query shows them) and the house accounts (vendor staff). */
@Controller('api/exports')
export class LeadsExportController {
  constructor(
    private readonly leads: LeadsService,
    private readonly setup: DealSetupService,
  ) {}

  @Get('leads.csv')
  @Allow(...ALL_ROLES)
  leadsCsv(@Ctx() ctx: RequestContext, @Query() filter: LeadExportFilter, @Req() req: Request, @Res() res: Response): Promise<void> {
    return sendCsv(req, res, 'leads', LEAD_COLUMNS, this.leadBatches(ctx, filter), (lead, c) => {
      if (c === 'estimatedMrr') return formatMoneyPlain(money(lead.estimatedMrrMinor, lead.currency));
      if (c === 'productIds') return lead.productIds.join(' ');
      return lead[c as keyof Lead];
    });
  }

  @Get('house-accounts.csv')
  @Allow(...VENDOR_ROLES)
  houseAccountsCsv(@Query() filter: HouseAccountExportFilter, @Req() req: Request, @Res() res: Response): Promise<void> {
    return sendCsv(req, res, 'house-accounts', HOUSE_ACCOUNT_COLUMNS, this.houseAccountBatches(filter.search), (h, c) => h[c as keyof HouseAccountEntity]);
  }

  private async *leadBatches(ctx: RequestContext, filter: LeadQuery): AsyncGenerator<Lead[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.leads.list(ctx, filter, BATCH, after);
      yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  private async *houseAccountBatches(search: string | undefined): AsyncGenerator<HouseAccountEntity[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.setup.houseAccounts(search, BATCH, after);
      yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }
}
