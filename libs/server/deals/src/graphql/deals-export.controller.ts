import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { ALL_ROLES, Allow, Ctx, RequestContext, sendCsv } from '@prm/server/core';
import type { Request, Response } from 'express';
import type { DealRegistrationEntity } from '../entities/deals.entities';
import { DealRegistrationsService } from '../services/deal-registrations.service';
import { DealRegistrationFilter } from './deals.inputs';

const COLUMNS = [
  'number',
  'id',
  'organisationId',
  'programId',
  'status',
  'customerName',
  'customerDomain',
  'customerCountry',
  'customerCity',
  'currency',
  'estimatedMrr',
  'estimatedOneTime',
  'expectedCloseDate',
  'salesStage',
  'possibleConflict',
  'submittedAt',
  'reviewDueAt',
  'approvedAt',
  'protectionEndsAt',
  'extensionsUsed',
  'decisionReason',
  'actualMrr',
  'actualOneTime',
  'actualCloseDate',
  'createdAt',
] as const;

const amounts: Record<string, (r: DealRegistrationEntity) => bigint | null> = {
  estimatedMrr: (r) => r.estimatedMrrMinor,
  estimatedOneTime: (r) => r.estimatedOneTimeMinor,
  actualMrr: (r) => r.actualMrrMinor,
  actualOneTime: (r) => r.actualOneTimeMinor,
};

/** CSV export of deal registrations with the list's filters; a partner exports only its own organisation's. */
@Controller('api/exports')
export class DealsExportController {
  constructor(private readonly deals: DealRegistrationsService) {}

  @Get('deal-registrations.csv')
  @Allow(...ALL_ROLES)
  export(@Ctx() ctx: RequestContext, @Query() filter: DealRegistrationFilter, @Req() req: Request, @Res() res: Response): Promise<void> {
    return sendCsv(req, res, 'deal-registrations', COLUMNS, this.deals.forExport(ctx, filter), (r, c) => {
      const amount = amounts[c];
      if (amount) {
        const minor = amount(r);
        return minor === null ? null : formatMoneyPlain(money(minor, r.currency));
      }
      return r[c as keyof DealRegistrationEntity];
    });
  }
}
