import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { Allow, Ctx, RequestContext, sendCsv, VENDOR_ROLES } from '@prm/server/core';
import type { Request, Response } from 'express';
import type { OrganisationEntity } from '../entities/organisation.entity';
import { OrganisationsService } from '../services/organisations.service';
import { PartnerFilter } from './inputs/identity.inputs';

const COLUMNS = ['id', 'name', 'legalName', 'country', 'city', 'website', 'domain', 'vatNumber', 'segment', 'preferredLanguage', 'currency', 'status', 'channelManagerId', 'createdAt'] as const;

/** CSV export of the partner directory with the same filters (and validation) as the GraphQL query. */
@Controller('api/exports')
export class PartnersExportController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get('partners.csv')
  @Allow(...VENDOR_ROLES)
  partners(@Ctx() ctx: RequestContext, @Query() filter: PartnerFilter, @Req() req: Request, @Res() res: Response): Promise<void> {
    return sendCsv(req, res, 'partners', COLUMNS, this.organisations.partnersForExport(ctx, filter), (org, c) => org[c as keyof OrganisationEntity]);
  }
}
