import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { POINTS } from '@prm/domain/incentives';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { Allow, Ctx, EntityId, RequestContext, sendCsv, VENDOR_ROLES } from '@prm/server/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { IncentiveMeasurementService, type PayoutRow } from '../services/incentive-measurement.service';

/** `?statementIds=a,b` or repeated `?statementIds=a&statementIds=b`. */
const list = ({ value }: { value: unknown }): unknown => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean));

export class IncentivePayoutQuery {
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'Not a valid id.' }) statementIds?: string[];
  @IsOptional() @EntityId() planId?: string;
  @IsOptional() @IsString() @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'Enter a period such as 2026-03, 2026-Q1 or 2026.' }) period?: string;
}

const COLUMNS = ['statementId', 'beneficiary', 'organisationId', 'organisation', 'repId', 'rep', 'plan', 'period', 'unit', 'amount', 'status', 'approvedAt'] as const;

/** Incentives over HTTP: the payout file of approved, unpaid statements (or the ones named), for vendor staff. */
@Controller('api/incentives')
export class IncentivesHttpController {
  constructor(private readonly measurement: IncentiveMeasurementService) {}

  @Get('statements/payout.csv')
  @Allow(...VENDOR_ROLES)
  async payoutCsv(@Ctx() ctx: RequestContext, @Query() query: IncentivePayoutQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const rows = this.measurement.payoutRows(ctx, { statementIds: query.statementIds, planId: query.planId, periodKey: query.period });
    await sendCsv(req, res, 'incentive-payout', COLUMNS, rows, (r: PayoutRow, column) => {
      const s = r.statement;
      switch (column as (typeof COLUMNS)[number]) {
        case 'statementId':
          return s.id;
        case 'beneficiary':
          return r.repName ?? r.organisationName;
        case 'organisationId':
          return s.organisationId;
        case 'organisation':
          return r.organisationName;
        case 'repId':
          return s.userId;
        case 'rep':
          return r.repName;
        case 'plan':
          return r.planName;
        case 'period':
          return s.periodKey;
        case 'unit':
          return s.unit;
        case 'amount':
          return s.unit === POINTS ? s.totalMinor.toString() : formatMoneyPlain(money(s.totalMinor, s.unit));
        case 'status':
          return s.status;
        case 'approvedAt':
          return s.approvedAt;
      }
    });
  }
}
