import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Allow, Ctx, RequestContext, VENDOR_ROLES } from '@prm/server/core';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { OrganisationsService } from '../services/organisations.service';
import { PartnerFilter } from './inputs/identity.inputs';

const COLUMNS = ['id', 'name', 'legalName', 'country', 'city', 'website', 'domain', 'vatNumber', 'segment', 'preferredLanguage', 'currency', 'status', 'channelManagerId', 'createdAt'] as const;

/** CSV export of the partner directory with the same filters (and validation) as the GraphQL query. */
@Controller('api/exports')
export class PartnersExportController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get('partners.csv')
  @Allow(...VENDOR_ROLES)
  async partners(@Ctx() ctx: RequestContext, @Query() filter: PartnerFilter, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="partners-${new Date().toISOString().slice(0, 10)}.csv"`);
    const csv = stringify({ header: true, columns: [...COLUMNS], cast: { date: (d) => d.toISOString() } });
    csv.pipe(res);
    let aborted = false;
    req.on('close', () => (aborted = true));
    for await (const batch of this.organisations.partnersForExport(ctx, filter)) {
      if (aborted) break;
      for (const org of batch) {
        // Spreadsheet formula injection: cells starting with = + - @ are prefixed with a quote.
        const row = COLUMNS.map((c) => {
          const value = org[c];
          return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        });
        csv.write(row);
      }
    }
    csv.end();
  }
}
