import {
  type ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpCode,
  HttpException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { DomainError } from '@prm/domain/common';
import { MAX_PROOF_FILE_BYTES, MAX_PROOF_FILES } from '@prm/domain/mdf';
import { ALL_ROLES, Allow, CalendarDate, Ctx, EntityId, RequestContext, Role, sendCsv, validationErrorFromClassValidator, VENDOR_ROLES } from '@prm/server/core';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, isUUID, validate } from 'class-validator';
import type { Request, Response } from 'express';
import { CLAIM_STATUSES, REQUEST_STATUSES } from '@prm/domain/mdf';
import { MdfClaimsService, type UploadedProof } from '../services/mdf-claims.service';
import { REPORT_GROUPS, type ReportGroup, type ReportRow, MdfReportsService } from '../services/mdf-reports.service';
import { MdfRequestsService } from '../services/mdf-requests.service';
import type { ClaimRow, RequestRow } from '../services/mdf.types';
import { MdfClaimInput, MdfClaimResubmitInput } from './mdf.graphql';
import { toClaimModel, toReportRowModel, toRequestModel } from './mdf.mappers';
import { MDF_MANAGERS } from './mdf.resolver';

/** What multer (memory storage) hands over for each uploaded file. */
interface MulterFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

// One byte over each limit, so a file of 10 MB + 1 or an 11th file reaches the domain validation and is
// refused with a field error; anything further over is cut off by multer and mapped by UploadErrorFilter.
const UPLOAD = FilesInterceptor('files', MAX_PROOF_FILES + 1, {
  limits: { fileSize: MAX_PROOF_FILE_BYTES + 1, files: MAX_PROOF_FILES + 1, fields: 5, fieldSize: 200_000 },
  // Browsers send UTF-8 file names without declaring the charset.
  defParamCharset: 'utf8',
  // Keep the name as sent, so a name with a path is refused rather than silently cut to its last part.
  preservePath: true,
});

/** Multer's own refusals (too large, too many) as the same field error the validation gives. */
@Catch(HttpException)
export class UploadErrorFilter implements ExceptionFilter {
  catch(error: HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status = error.getStatus();
    if (status === 413 || status === 400) {
      const message = status === 413 ? `A file is larger than ${MAX_PROOF_FILE_BYTES / (1024 * 1024)} MB.` : `Attach at most ${MAX_PROOF_FILES} proof files, in the field "files".`;
      response.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'The claim is not valid.', fields: { files: [message] } } });
      return;
    }
    response.status(status).json(error.getResponse());
  }
}

export class MdfExportQuery {
  @IsOptional() @EntityId() organisationId?: string;
  @IsOptional() @EntityId() fundId?: string;
  @IsOptional() @EntityId() programId?: string;
  @IsOptional() @IsIn([...REQUEST_STATUSES, ...CLAIM_STATUSES], { message: 'Not a status.' }) status?: string;
  @IsOptional() @IsIn([...REPORT_GROUPS], { message: 'Use PARTNER, PROGRAM, TIER or PERIOD.' }) groupBy?: ReportGroup;
  @IsOptional() @CalendarDate() periodFrom?: string;
  @IsOptional() @CalendarDate() periodTo?: string;
}

const idOf = (id: string): string => {
  if (!isUUID(id)) throw new DomainError('NOT_FOUND', 'Not found.');
  return id;
};

/** The stored type's safe download name: the original name with quotes, backslashes and non-ASCII replaced (the full name goes in filename*). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function parseClaimField<T extends object>(type: new () => T, text: unknown, required: boolean): Promise<T> {
  if (text === undefined || text === null || text === '') {
    if (required) throw new DomainError('BAD_USER_INPUT', 'The claim is not valid.', { claim: ['Send the claim as a JSON field "claim".'] });
    return new type();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(text));
  } catch {
    throw new DomainError('BAD_USER_INPUT', 'The claim is not valid.', { claim: ['The field "claim" is not valid JSON.'] });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new DomainError('BAD_USER_INPUT', 'The claim is not valid.', { claim: ['The field "claim" must be a JSON object.'] });
  }
  const input = plainToInstance(type, parsed);
  const errors = await validate(input, { forbidUnknownValues: false });
  if (errors.length) throw validationErrorFromClassValidator(errors);
  return input;
}

const proofs = (files: MulterFile[] | undefined): UploadedProof[] => (files ?? []).map((f) => ({ name: f.originalname, bytes: f.buffer }));

/**
 * MDF over HTTP: claim uploads (multipart: a JSON field `claim` and 1–10 `files`), proof-file
 * downloads, the payment file of approved-unpaid claims and CSV exports of the report and queues.
 */
@Controller('api/mdf')
export class MdfHttpController {
  constructor(
    private readonly claims: MdfClaimsService,
    private readonly requests: MdfRequestsService,
    private readonly reports: MdfReportsService,
  ) {}

  @Post('requests/:id/claims')
  @Allow(Role.PARTNER_ADMIN, Role.PARTNER_REP)
  @HttpCode(201)
  @UseFilters(UploadErrorFilter)
  @UseInterceptors(UPLOAD)
  async submitClaim(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @UploadedFiles() files: MulterFile[] | undefined) {
    const input = await parseClaimField(MdfClaimInput, body?.['claim'], true);
    return { claim: toClaimModel(await this.claims.submit(ctx, idOf(id), input, proofs(files))) };
  }

  @Post('claims/:id/resubmit')
  @Allow(Role.PARTNER_ADMIN, Role.PARTNER_REP)
  @HttpCode(200)
  @UseFilters(UploadErrorFilter)
  @UseInterceptors(UPLOAD)
  async resubmitClaim(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @UploadedFiles() files: MulterFile[] | undefined) {
    const input = await parseClaimField(MdfClaimResubmitInput, body?.['claim'], false);
    return { claim: toClaimModel(await this.claims.resubmit(ctx, idOf(id), input, proofs(files))) };
  }

  @Get('files/:id')
  @Allow(...ALL_ROLES)
  async download(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { file, bytes } = await this.claims.download(ctx, idOf(id));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', contentDisposition(file.originalName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(bytes);
  }

  @Get('claims/payable.csv')
  @Allow(...MDF_MANAGERS, Role.ANALYST)
  async payableCsv(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response): Promise<void> {
    const columns = ['claimId', 'claimNumber', 'organisationId', 'requestId', 'fundId', 'currency', 'amount', 'approvedAt', 'claimedAmount'] as const;
    await sendCsv(req, res, 'mdf-payable-claims', columns, this.claims.payable(ctx), (c: ClaimRow, col) => {
      const m = toClaimModel(c);
      switch (col) {
        case 'claimId':
          return c.id;
        case 'claimNumber':
          return c.number;
        case 'amount':
          return m.approvedAmount;
        case 'approvedAt':
          return c.decidedAt;
        case 'claimedAmount':
          return m.claimedAmount;
        default:
          return c[col as 'organisationId' | 'requestId' | 'fundId' | 'currency'];
      }
    });
  }

  @Get('report.csv')
  @Allow(...VENDOR_ROLES, Role.PARTNER_ADMIN)
  async reportCsv(@Ctx() ctx: RequestContext, @Query() query: MdfExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const groupBy = query.groupBy ?? 'PARTNER';
    const rows = await this.reports.report(ctx, groupBy, query);
    const columns = [
      'key', 'label', 'currency', 'funds', 'budget', 'reserved', 'claimed', 'approved', 'paid', 'spent', 'available', 'lapsed', 'expiring', 'utilisation',
      'leads', 'opportunities', 'pipeline', 'leadsPerThousand', 'pipelinePerUnit', 'influencedRevenue', 'influencedDeals', 'roi', 'medianSecondsToPayment', 'paidClaims',
    ] as const;
    await sendCsv(req, res, `mdf-report-by-${groupBy.toLowerCase()}`, columns, once(rows), (r: ReportRow, c) => toReportRowModel(r)[c as (typeof columns)[number]]);
  }

  @Get('requests.csv')
  @Allow(...ALL_ROLES)
  async requestsCsv(@Ctx() ctx: RequestContext, @Query() query: MdfExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const columns = ['id', 'number', 'organisationId', 'fundId', 'status', 'activityType', 'title', 'startDate', 'endDate', 'currency', 'plannedCost', 'requestedAmount', 'approvedAmount', 'claimDeadline', 'submittedAt'] as const;
    const filter = { statuses: query.status ? [query.status] : undefined, fundId: query.fundId, organisationId: query.organisationId };
    await sendCsv(req, res, 'mdf-requests', columns, pages((after) => this.requests.list(ctx, filter, 500, after)), (r: RequestRow, c) => toRequestModel(r)[c as (typeof columns)[number]]);
  }

  @Get('claims.csv')
  @Allow(...ALL_ROLES)
  async claimsCsv(@Ctx() ctx: RequestContext, @Query() query: MdfExportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const columns = ['id', 'number', 'organisationId', 'requestId', 'fundId', 'status', 'currency', 'actualCost', 'claimedAmount', 'approvedAmount', 'leads', 'pipeline', 'submittedAt', 'paidAt', 'paymentReference'] as const;
    const filter = { statuses: query.status ? [query.status] : undefined, fundId: query.fundId, organisationId: query.organisationId };
    await sendCsv(req, res, 'mdf-claims', columns, pages((after) => this.claims.list(ctx, filter, 500, after)), (c: ClaimRow, col) => toClaimModel(c)[col as (typeof columns)[number]]);
  }
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

async function* pages<T>(fetch: (after?: string) => Promise<{ edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const page = await fetch(after);
    yield page.edges.map((e) => e.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
