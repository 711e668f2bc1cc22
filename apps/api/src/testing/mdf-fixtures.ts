import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { gqlOk, partnerIds } from './factories';
import { DOCS } from './operations';
import { startRevenueApp } from './revenue-fixtures';
import type { Auth, TestApp } from './test-app';

/** The smallest files each proof type is recognised by (magic bytes) — and one that is not a proof type. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
export const ZIP = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(32, 3)]);

export interface MdfWorld {
  t: TestApp;
  login: (email: string) => Promise<string>;
  /** Where this app stores proof files (a fresh temporary folder). */
  storageDir: string;
  admin: string;
  manager: string;
  analyst: string;
  nwAdmin: string;
  nwRep: string;
  ctAdmin: string;
  ctRep: string;
  northwind: string;
  contoso: string;
  /** The program Northwind (Silver: 50 % co-funding, 1 % accrual) and Contoso (Gold: 50 %, 2 %) are enrolled in. */
  programId: string;
}

/** The demo world (vendor staff, Northwind and Contoso with their admins and reps) with the business clock at `now`; `env` adds configuration. */
export async function startMdfApp(now: Date, env: Record<string, string> = {}): Promise<MdfWorld> {
  const storageDir = mkdtempSync(join(tmpdir(), 'prm-mdf-test-'));
  const { t, login } = await startRevenueApp(now, { MDF_STORAGE_DIR: storageDir, ...env });
  const close = t.close.bind(t);
  t.close = async () => {
    await close();
    rmSync(storageDir, { recursive: true, force: true });
  };
  const [admin, manager, analyst, nwAdmin, nwRep, ctAdmin, ctRep] = await Promise.all(
    ['admin@vendor.test', 'manager@vendor.test', 'analyst@vendor.test', 'admin@northwind.test', 'rep@northwind.test', 'admin@contoso.test', 'rep@contoso.test'].map(login),
  );
  const ids = await partnerIds(t, admin!);
  const northwind = ids.get('Northwind IT')!;
  const contoso = ids.get('Contoso Managed Services')!;
  const [enrolment]: { program_id: string }[] = await t.dataSource.query(`SELECT program_id FROM enrolments WHERE organisation_id = $1`, [northwind]);
  return { t, login, storageDir, admin: admin!, manager: manager!, analyst: analyst!, nwAdmin: nwAdmin!, nwRep: nwRep!, ctAdmin: ctAdmin!, ctRep: ctRep!, northwind, contoso, programId: enrolment!.program_id };
}

export interface FundNode {
  id: string;
  organisationId: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  expiresOn: string;
  status: string;
  lapsed: string | null;
  budgetKind: string;
  balances: { currency: string; budget: string; reserved: string; claimed: string; approved: string; paid: string; available: string };
}

export interface RequestNode {
  id: string;
  status: string;
  currency: string;
  approvedAmount: string | null;
  requestedAmount: string;
  cofundingCap: string;
  claimDeadline: string;
  regularClaimDeadline: string;
  extendedDeadline: string | null;
  fund?: { balances: FundNode['balances'] };
}

export interface ClaimNode {
  id: string;
  status: string;
  currency: string;
  actualCost: string;
  claimedAmount: string;
  approvedAmount: string | null;
  claimCap: string;
  paymentReference: string | null;
  files: { id: string; name: string; contentType: string; size: number }[];
  dealIds: string[];
}

export async function createFund(t: TestApp, token: string, input: Record<string, unknown>): Promise<FundNode> {
  return (await gqlOk<{ createMdfFund: FundNode }>(t, DOCS.createMdfFund, { input: { budgetKind: 'FIXED', ...input } }, { token })).createMdfFund;
}

export async function fundById(t: TestApp, token: string, id: string): Promise<FundNode> {
  return (await gqlOk<{ mdfFund: FundNode }>(t, DOCS.mdfFund, { id }, { token })).mdfFund;
}

/** A request for an activity inside the fund's window (its first week), submitted unless `submit: false`. */
export async function createRequest(t: TestApp, token: string, fund: FundNode, input: Record<string, unknown> = {}): Promise<RequestNode> {
  const data = await gqlOk<{ createMdfRequest: RequestNode }>(
    t,
    DOCS.createMdfRequest,
    {
      input: {
        fundId: fund.id,
        activityType: 'WEBINAR',
        title: `Webinar ${randomBytes(3).toString('hex')}`,
        startDate: fund.periodStart,
        endDate: fund.periodStart,
        plannedCost: '2000.00',
        requestedAmount: '1000.00',
        expectedLeads: 20,
        expectedPipeline: '50000.00',
        submit: true,
        ...input,
      },
    },
    { token },
  );
  return data.createMdfRequest;
}

export async function approveRequest(t: TestApp, token: string, id: string, amount?: string): Promise<RequestNode> {
  return (await gqlOk<{ approveMdfRequest: RequestNode }>(t, DOCS.approveMdfRequest, { id, amount }, { token })).approveMdfRequest;
}

export interface UploadFile {
  name: string;
  bytes: Buffer;
  contentType?: string;
}

/** A multipart body written by hand, so file names reach the server exactly as given (slashes and control characters included). */
export function multipart(fields: Record<string, string>, files: UploadFile[]): { body: Buffer; contentType: string } {
  const boundary = `----prm${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    // Control characters cannot stand in a header: they travel percent-encoded (RFC 5987 filename*), as the server decodes them.
    const filename = /[\u0000-\u001f\u007f]/.test(file.name) ? `filename*=UTF-8''${encodeURIComponent(file.name)}` : `filename="${file.name.replace(/"/g, '%22')}"`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; ${filename}\r\nContent-Type: ${file.contentType ?? 'application/pdf'}\r\n\r\n`, 'utf8'));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const CLAIM = { actualCost: '2000.00', claimedAmount: '1000.00', attendees: 40, leads: 12, opportunities: 3, pipeline: '30000.00' };

/** POST /api/mdf/requests/:id/claims (or a resubmission with `path`). */
export function postClaim(t: TestApp, as: string | Auth | null, requestId: string, claim: Record<string, unknown> | null, files: UploadFile[], path?: string) {
  const { body, contentType } = multipart(claim ? { claim: JSON.stringify(claim) } : {}, files);
  const req = request(t.app.getHttpServer()).post(path ?? `/api/mdf/requests/${requestId}/claims`).set('Content-Type', contentType);
  return authorise(req, as).send(body);
}

/** Bearer token or API key on a supertest request. */
function authorise<R extends request.Test>(req: R, as: string | Auth | null): R {
  const auth: Auth = typeof as === 'string' ? { token: as } : (as ?? {});
  if (auth.token) req.set('Authorization', `Bearer ${auth.token}`);
  if (auth.apiKey) req.set('X-Api-Key', auth.apiKey);
  return req;
}

export function getAs(t: TestApp, as: string | Auth | null, path: string) {
  const req = authorise(request(t.app.getHttpServer()).get(path), as);
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** Submits a claim with one PDF and returns it as GraphQL shows it (files and deals included). */
export async function submitClaim(t: TestApp, token: string, requestId: string, claim: Record<string, unknown> = CLAIM): Promise<ClaimNode> {
  const res = await postClaim(t, token, requestId, claim, [{ name: 'invoice.pdf', bytes: PDF }]);
  if (res.status !== 201) throw new Error(`claim failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { id } = (res.body as { claim: { id: string } }).claim;
  return (await gqlOk<{ mdfClaim: ClaimNode }>(t, DOCS.mdfClaim, { id }, { token })).mdfClaim;
}

/** The files in the storage folder (to prove that refused uploads leave none behind). */
export const storedFiles = (w: MdfWorld): string[] => readdirSync(w.storageDir).sort();

/** Money text → minor units (2 decimals), for sums in assertions. */
export const cents = (text: string): bigint => BigInt(text.replace('.', ''));
