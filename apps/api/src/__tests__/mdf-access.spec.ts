import { dbFingerprint } from '../testing/db-state';
import { gqlOk } from '../testing/factories';
import {
  approveRequest,
  CLAIM,
  type ClaimNode,
  createFund,
  createRequest,
  type FundNode,
  getAs,
  type MdfWorld,
  PDF,
  postClaim,
  type RequestNode,
  startMdfApp,
  storedFiles,
  submitClaim,
} from '../testing/mdf-fixtures';
import { collect, DOCS, mentions } from '../testing/operations';
import { type Auth, codeOf, type GqlResponse } from '../testing/test-app';

/**
 * Object-level authorization of MDF. Northwind's admin, rep and API key aim every MDF query,
 * mutation and HTTP route (the proof-file download included) at Contoso's fund, request, claim and
 * file: they get NOT_FOUND (or FORBIDDEN where their role may not call the operation at all), never
 * a trace of Contoso, and nothing changes. A rep sees the organisation's funds but only the requests
 * and claims they created.
 */

type Vars = Record<string, unknown>;
type PartnerCaller = 'PARTNER_ADMIN' | 'PARTNER_REP' | 'PARTNER_API_KEY';
const PARTNER_CALLERS: readonly PartnerCaller[] = ['PARTNER_ADMIN', 'PARTNER_REP', 'PARTNER_API_KEY'];
const TODAY = new Date('2026-07-01T09:00:00Z');
// Funds of the next quarter: the demo data holds funds for the current one.
const SECRET_TITLE = 'Contoso secret launch';

describe('mdf access: a partner never reaches another organisation’s funds, requests, claims or files', () => {
  let w: MdfWorld;
  const partner: Record<PartnerCaller, Auth> = { PARTNER_ADMIN: {}, PARTNER_REP: {}, PARTNER_API_KEY: {} };
  let ctFund: FundNode;
  let ctRequest: RequestNode;
  let ctClaim: ClaimNode;
  let ctPayable: ClaimNode;
  let ctFileId: string;
  let nwFund: FundNode;
  /** Northwind's own request made by its admin: the rep must not see it. */
  let nwAdminRequest: RequestNode;
  let nwRepRequest: RequestNode;
  let markers: string[];

  const mdfTables = async (): Promise<Record<string, unknown>> =>
    Object.fromEntries(Object.entries(await dbFingerprint(w.t.dataSource)).filter(([table]) => table.startsWith('mdf_') || table === 'audit_log' || table === 'notifications'));
  const gql = (document: string, variables: Vars, as: Auth): Promise<GqlResponse> => w.t.gql(document, variables, as);

  beforeAll(async () => {
    w = await startMdfApp(TODAY);
    partner.PARTNER_ADMIN = { token: w.nwAdmin };
    partner.PARTNER_REP = { token: w.nwRep };
    const key = await gqlOk<{ createApiKey: { secret: string } }>(w.t, DOCS.createApiKey, { input: { name: 'Northwind MDF sync', role: 'PARTNER_ADMIN' } }, { token: w.nwAdmin });
    partner.PARTNER_API_KEY = { apiKey: key.createApiKey.secret };
    await gql(DOCS.mdfExpiringFunds, {}, partner.PARTNER_API_KEY);

    ctFund = await createFund(w.t, w.manager, { organisationId: w.contoso, programId: w.programId, periodStart: '2026-10-01', budget: '20000.00' });
    ctRequest = await createRequest(w.t, w.ctRep, ctFund, { title: SECRET_TITLE });
    await approveRequest(w.t, w.manager, ctRequest.id);
    ctClaim = await submitClaim(w.t, w.ctRep, ctRequest.id);
    ctFileId = ctClaim.files[0]!.id;
    const second = await createRequest(w.t, w.ctRep, ctFund);
    await approveRequest(w.t, w.manager, second.id);
    ctPayable = await submitClaim(w.t, w.ctRep, second.id);
    await gqlOk(w.t, DOCS.approveMdfClaim, { id: ctPayable.id }, { token: w.manager });

    nwFund = await createFund(w.t, w.manager, { organisationId: w.northwind, programId: w.programId, periodStart: '2026-10-01', budget: '5000.00' });
    nwAdminRequest = await createRequest(w.t, w.nwAdmin, nwFund);
    nwRepRequest = await createRequest(w.t, w.nwRep, nwFund);

    markers = ['contoso', w.contoso, ctFund.id, ctRequest.id, ctClaim.id, ctFileId, ctPayable.id, second.id, SECRET_TITLE];
  });
  afterAll(() => w?.t.close());

  it('positive control: Contoso and vendor staff see Contoso’s records', async () => {
    for (const token of [w.ctAdmin, w.ctRep, w.manager, w.analyst, w.admin]) {
      expect(collect(await gqlOk(w.t, DOCS.mdfFund, { id: ctFund.id }, { token }), 'id')).toContain(ctFund.id);
      expect(collect(await gqlOk(w.t, DOCS.mdfRequest, { id: ctRequest.id }, { token }), 'id')).toContain(ctRequest.id);
      expect(collect(await gqlOk(w.t, DOCS.mdfClaim, { id: ctClaim.id }, { token }), 'id')).toContain(ctFileId);
      const file = await getAs(w.t, token, `/api/mdf/files/${ctFileId}`);
      expect(file.status).toBe(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    }
  });

  describe.each(PARTNER_CALLERS)('%s', (caller) => {
    const as = (): Auth => partner[caller];
    const isRep = caller === 'PARTNER_REP';

    it.each<[string, string, () => Vars, string | ((rep: boolean) => string)]>([
      ['mdfFund of Contoso', DOCS.mdfFund, () => ({ id: ctFund.id }), 'NOT_FOUND'],
      ['mdfFund with a request id', DOCS.mdfFund, () => ({ id: ctRequest.id }), 'NOT_FOUND'],
      ['mdfRequest of Contoso', DOCS.mdfRequest, () => ({ id: ctRequest.id }), 'NOT_FOUND'],
      ['mdfClaim of Contoso', DOCS.mdfClaim, () => ({ id: ctClaim.id }), 'NOT_FOUND'],
      ['mdfFunds filtered by Contoso', DOCS.mdfFunds, () => ({ filter: { organisationId: w.contoso } }), 'NOT_FOUND'],
      ['mdfRequests filtered by Contoso', DOCS.mdfRequests, () => ({ filter: { organisationId: w.contoso } }), 'NOT_FOUND'],
      ['mdfClaims filtered by Contoso', DOCS.mdfClaims, () => ({ filter: { organisationId: w.contoso } }), 'NOT_FOUND'],
      ['mdfReport filtered by Contoso', DOCS.mdfReport, () => ({ filter: { organisationId: w.contoso } }), (rep) => (rep ? 'FORBIDDEN' : 'NOT_FOUND')],
    ])('reads %s → refused, no trace of Contoso', async (_name, document, variables, code) => {
      const res = await gql(document, variables(), as());
      expect(codeOf(res)).toBe(typeof code === 'string' ? code : code(isRep));
      expect(res.data).toBeNull();
      expect(mentions(res, markers)).toEqual([]);
    });

    it('lists without an organisation (or with Contoso’s fund id) hold only Northwind’s records', async () => {
      const answers = [
        await gqlOk(w.t, DOCS.mdfFunds, { first: 100 }, as()),
        await gqlOk(w.t, DOCS.mdfRequests, { first: 100 }, as()),
        await gqlOk(w.t, DOCS.mdfClaims, { first: 100 }, as()),
        await gqlOk(w.t, DOCS.mdfRequests, { filter: { fundId: ctFund.id } }, as()),
        await gqlOk(w.t, DOCS.mdfClaims, { filter: { fundId: ctFund.id } }, as()),
        await gqlOk(w.t, DOCS.mdfExpiringFunds, { withinDays: 366 }, as()),
      ];
      for (const answer of answers) {
        for (const org of collect(answer, 'organisationId')) expect(org).toBe(w.northwind);
        expect(mentions({ status: 200, data: answer, headers: {} }, markers)).toEqual([]);
      }
      expect(collect(answers[0], 'id')).toContain(nwFund.id);
      const requestIds = collect(answers[1], 'id');
      // A rep sees the requests they created; admins (and the admin key) the organisation's.
      expect(requestIds).toContain(nwRepRequest.id);
      if (isRep) expect(requestIds).not.toContain(nwAdminRequest.id);
      else expect(requestIds).toContain(nwAdminRequest.id);
      if (!isRep) {
        const report = await gqlOk<{ mdfReport: { key: string }[] }>(w.t, DOCS.mdfReport, { groupBy: 'PARTNER' }, as());
        expect(report.mdfReport.map((r) => r.key)).toEqual([w.northwind]);
      }
    });

    if (caller === 'PARTNER_REP') {
      it('a rep cannot read or act on a request of its own organisation that another user created', async () => {
        expect(codeOf(await gql(DOCS.mdfRequest, { id: nwAdminRequest.id }, as()))).toBe('NOT_FOUND');
        expect(codeOf(await gql(DOCS.cancelMdfRequest, { id: nwAdminRequest.id }, as()))).toBe('NOT_FOUND');
        expect(codeOf(await gql(DOCS.mdfFund, { id: nwFund.id }, as()))).toBeNull();
      });
    }

    it.each<[string, string, () => Vars, 'NOT_FOUND' | 'FORBIDDEN']>([
      ['createMdfRequest in Contoso’s fund', DOCS.createMdfRequest, () => ({ input: { fundId: ctFund.id, activityType: 'EVENT', title: 'x', startDate: '2026-10-02', endDate: '2026-10-02', plannedCost: '100.00', requestedAmount: '50.00' } }), 'NOT_FOUND'],
      ['updateMdfRequest of Contoso', DOCS.updateMdfRequest, () => ({ id: ctRequest.id, input: { title: 'hijacked' } }), 'NOT_FOUND'],
      ['submitMdfRequest of Contoso', DOCS.submitMdfRequest, () => ({ id: ctRequest.id }), 'NOT_FOUND'],
      ['cancelMdfRequest of Contoso', DOCS.cancelMdfRequest, () => ({ id: ctRequest.id }), 'NOT_FOUND'],
      ['approveMdfRequest', DOCS.approveMdfRequest, () => ({ id: ctRequest.id }), 'FORBIDDEN'],
      ['rejectMdfRequest', DOCS.rejectMdfRequest, () => ({ id: ctRequest.id, reason: 'x' }), 'FORBIDDEN'],
      ['requestMdfRequestInfo', DOCS.requestMdfRequestInfo, () => ({ id: ctRequest.id, comment: 'x' }), 'FORBIDDEN'],
      ['extendMdfClaimDeadline', DOCS.extendMdfClaimDeadline, () => ({ id: ctRequest.id, until: '2027-01-01', reason: 'x' }), 'FORBIDDEN'],
      ['commentOnMdfRequest', DOCS.commentOnMdfRequest, () => ({ id: ctRequest.id, comment: 'x' }), 'FORBIDDEN'],
      ['approveMdfClaim', DOCS.approveMdfClaim, () => ({ id: ctClaim.id }), 'FORBIDDEN'],
      ['rejectMdfClaim', DOCS.rejectMdfClaim, () => ({ id: ctClaim.id, reason: 'x' }), 'FORBIDDEN'],
      ['requestMdfClaimInfo', DOCS.requestMdfClaimInfo, () => ({ id: ctClaim.id, comment: 'x' }), 'FORBIDDEN'],
      ['commentOnMdfClaim', DOCS.commentOnMdfClaim, () => ({ id: ctClaim.id, comment: 'x' }), 'FORBIDDEN'],
      ['markMdfClaimsPaid', DOCS.markMdfClaimsPaid, () => ({ input: { claimIds: [ctPayable.id], paymentReference: 'x', paymentDate: '2026-07-01', idempotencyKey: 'steal' } }), 'FORBIDDEN'],
      ['createMdfFund', DOCS.createMdfFund, () => ({ input: { organisationId: w.contoso, programId: w.programId, periodStart: '2026-10-01', budgetKind: 'FIXED', budget: '1.00' } }), 'FORBIDDEN'],
      ['bulkCreateMdfFunds', DOCS.bulkCreateMdfFunds, () => ({ input: { programId: w.programId, periodStart: '2026-10-01', budgetKind: 'FIXED', budget: '1.00' } }), 'FORBIDDEN'],
      ['updateMdfFundBudget', DOCS.updateMdfFundBudget, () => ({ id: ctFund.id, budget: '0.00', reason: 'x' }), 'FORBIDDEN'],
      ['recomputeMdfAccruals', DOCS.recomputeMdfAccruals, () => ({ fundId: ctFund.id }), 'FORBIDDEN'],
      ['setMdfProgramSettings', DOCS.setMdfProgramSettings, () => ({ programId: w.programId, input: { claimDeadlineDays: 1 } }), 'FORBIDDEN'],
    ])('%s: refused (NOT_FOUND or FORBIDDEN), nothing changes', async (_name, document, variables, code) => {
      const before = await mdfTables();
      const res = await gql(document, variables(), as());
      expect(codeOf(res)).toBe(code);
      expect(res.data).toBeNull();
      expect(mentions(res, markers)).toEqual([]);
      expect(await mdfTables()).toEqual(before);
    });

    it('HTTP routes with Contoso’s ids: 404 (or 403), no file stored, nothing changes', async () => {
      const before = await mdfTables();
      const files = storedFiles(w);
      const claim = await postClaim(w.t, as(), ctRequest.id, CLAIM, [{ name: 'proof.pdf', bytes: PDF }]);
      expect(claim.status).toBe(404);
      const resubmit = await postClaim(w.t, as(), ctClaim.id, {}, [{ name: 'more.pdf', bytes: PDF }], `/api/mdf/claims/${ctClaim.id}/resubmit`);
      expect(resubmit.status).toBe(404);
      const download = await getAs(w.t, as(), `/api/mdf/files/${ctFileId}`);
      expect(download.status).toBe(404);
      expect(download.headers['content-disposition']).toBeUndefined();
      expect((await getAs(w.t, as(), `/api/mdf/claims/payable.csv`)).status).toBe(403);
      expect((await getAs(w.t, as(), `/api/mdf/requests.csv?organisationId=${w.contoso}`)).status).toBe(404);
      expect((await getAs(w.t, as(), `/api/mdf/claims.csv?organisationId=${w.contoso}`)).status).toBe(404);
      expect((await getAs(w.t, as(), `/api/mdf/report.csv?organisationId=${w.contoso}`)).status).toBe(isRep ? 403 : 404);
      const own = await getAs(w.t, as(), `/api/mdf/claims.csv?fundId=${ctFund.id}`);
      expect(own.status).toBe(200);
      const ownRequests = await getAs(w.t, as(), `/api/mdf/requests.csv`);
      expect(ownRequests.status).toBe(200);
      for (const res of [claim, resubmit, download, own, ownRequests]) {
        const text = Buffer.isBuffer(res.body) ? res.body.toString() : JSON.stringify(res.body);
        expect(markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()))).toEqual([]);
      }
      expect(storedFiles(w)).toEqual(files);
      expect(await mdfTables()).toEqual(before);
    });
  });

  it('vendor analysts read everything and write nothing', async () => {
    const before = await mdfTables();
    for (const [document, variables] of [
      [DOCS.approveMdfRequest, { id: nwRepRequest.id }],
      [DOCS.approveMdfClaim, { id: ctClaim.id }],
      [DOCS.markMdfClaimsPaid, { input: { claimIds: [ctPayable.id], paymentReference: 'x', paymentDate: '2026-07-01', idempotencyKey: 'analyst' } }],
      [DOCS.createMdfFund, { input: { organisationId: w.contoso, programId: w.programId, periodStart: '2026-10-01', budgetKind: 'FIXED', budget: '1.00' } }],
    ] as const) {
      expect(codeOf(await gql(document, variables, { token: w.analyst }))).toBe('FORBIDDEN');
    }
    expect((await getAs(w.t, w.analyst, '/api/mdf/claims/payable.csv')).status).toBe(200);
    expect(await mdfTables()).toEqual(before);
  });

  it('anonymous callers get nothing', async () => {
    expect(codeOf(await gql(DOCS.mdfFund, { id: ctFund.id }, {}))).toBe('UNAUTHENTICATED');
    expect((await getAs(w.t, null, `/api/mdf/files/${ctFileId}`)).status).toBe(401);
    expect((await postClaim(w.t, null, ctRequest.id, CLAIM, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(401);
  });
});
