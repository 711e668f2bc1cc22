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
  JPEG,
  type MdfWorld,
  PDF,
  PNG,
  postClaim,
  type RequestNode,
  startMdfApp,
  storedFiles,
  type UploadFile,
  ZIP,
} from '../testing/mdf-fixtures';
import { DOCS } from '../testing/operations';

/**
 * Proof files: type by content (not by name), size and count limits, safe names, generated storage
 * names; bad uploads store nothing (no row, no file), a failed transaction removes what it wrote;
 * downloads are for the owner and vendor staff only.
 */

const TODAY = new Date('2026-07-01T09:00:00Z');
const MB = 1024 * 1024;
type HttpError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

describe('mdf proof files', () => {
  let w: MdfWorld;
  let fund: FundNode;
  let request: RequestNode;

  const mdfTables = async (): Promise<Record<string, unknown>> =>
    Object.fromEntries(Object.entries(await dbFingerprint(w.t.dataSource)).filter(([table]) => table.startsWith('mdf_') || table === 'audit_log'));
  /** An upload that must be refused with BAD_USER_INPUT naming `field`, leaving no row and no file behind. */
  const refused = async (files: UploadFile[], field: string, message?: RegExp, claim: Record<string, unknown> | null = CLAIM): Promise<void> => {
    const before = await mdfTables();
    const stored = storedFiles(w);
    const res = await postClaim(w.t, w.nwRep, request.id, claim, files);
    expect(res.status).toBe(400);
    const body = res.body as HttpError;
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(body.error.fields ?? {})).toContain(field);
    if (message) expect(body.error.fields?.[field]?.join(' ')).toMatch(message);
    expect(storedFiles(w)).toEqual(stored);
    expect(await mdfTables()).toEqual(before);
  };
  const pdf = (name = 'invoice.pdf'): UploadFile => ({ name, bytes: PDF });

  beforeAll(async () => {
    w = await startMdfApp(TODAY);
    fund = await createFund(w.t, w.manager, { organisationId: w.northwind, programId: w.programId, periodStart: '2026-10-01', budget: '10000.00' });
    request = await createRequest(w.t, w.nwRep, fund);
    await approveRequest(w.t, w.manager, request.id);
  });
  afterAll(() => w?.t.close());

  describe('refused uploads store nothing', () => {
    it('a ZIP named .pdf (type by content)', () => refused([{ name: 'invoice.pdf', bytes: ZIP, contentType: 'application/pdf' }], 'files[0]', /PDF, PNG or JPEG/));
    it('an empty file', () => refused([{ name: 'empty.pdf', bytes: Buffer.alloc(0) }], 'files[0]', /empty/));
    it('a file of 10 MB + 1 byte', () => refused([{ name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(10 * MB + 1 - PDF.length)]) }], 'files[0]', /larger than 10 MB/));
    it('a file far over 10 MB (cut off while uploading)', () => refused([{ name: 'huge.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(12 * MB)]) }], 'files', /larger than 10 MB/));
    it('11 files', () => refused(Array.from({ length: 11 }, (_, i) => pdf(`p${i}.pdf`)), 'files', /at most 10/));
    it('13 files (cut off while uploading)', () => refused(Array.from({ length: 13 }, (_, i) => pdf(`p${i}.pdf`)), 'files', /at most 10/));
    it('no file', () => refused([], 'files', /at least one/));
    it('a good file beside a bad one: nothing is kept', () => refused([pdf(), { name: 'x.pdf', bytes: ZIP }], 'files[1]'));
    it.each([
      ['a forward slash', '../etc/passwd.pdf'],
      ['a backslash', '..\\windows\\proof.pdf'],
      ['a control character', 'proof\u0007.pdf'],
      ['an escape character', 'proof\u001b[31m.pdf'],
      ['only dots', '..'],
      ['256 characters', `${'x'.repeat(252)}.pdf`],
    ])('a file name with %s', (_what, name) => refused([pdf(name)], 'files[0]', /file name/));
    it('no claim field', () => refused([pdf()], 'claim', undefined, null));
    it('a claim field that is not JSON', async () => {
      const before = storedFiles(w);
      const res = await postClaim(w.t, w.nwRep, request.id, null, [pdf()]);
      expect(res.status).toBe(400);
      expect(storedFiles(w)).toEqual(before);
    });
    it('a claimed amount with three decimals', () => refused([pdf()], 'claimedAmount', undefined, { ...CLAIM, claimedAmount: '100.001' }));
    it('a claimed amount above the cap (50 % of the actual cost, rounded down)', () =>
      refused([pdf()], 'claimedAmount', /€799\.99/, { ...CLAIM, actualCost: '1599.99', claimedAmount: '800.00' }));
    it('a negative actual cost', () => refused([pdf()], 'actualCost', undefined, { ...CLAIM, actualCost: '-1.00' }));
    it("linking another partner's deal", async () => {
      const [deal]: { id: string }[] = await w.t.dataSource.query(`SELECT id FROM deal_registrations WHERE organisation_id = $1 LIMIT 1`, [w.contoso]);
      if (deal) await refused([pdf()], 'dealIds', undefined, { ...CLAIM, dealIds: [deal.id] });
    });
  });

  describe('accepted uploads', () => {
    let claim: ClaimNode;

    it('PDF, PNG and JPEG are stored under generated names and listed by their detected type', async () => {
      const before = storedFiles(w).length;
      const res = await postClaim(w.t, w.nwRep, request.id, CLAIM, [
        { name: 'Factuur – beurs.pdf', bytes: PDF },
        { name: 'stand.png', bytes: PNG, contentType: 'application/pdf' },
        { name: 'photo.jpeg', bytes: JPEG, contentType: 'text/html' },
      ]);
      expect(res.status).toBe(201);
      claim = (await gqlOk<{ mdfClaim: ClaimNode }>(w.t, DOCS.mdfClaim, { id: (res.body as { claim: { id: string } }).claim.id }, { token: w.nwRep })).mdfClaim;
      expect(claim.files.map((f) => [f.name, f.contentType, f.size])).toEqual([
        ['Factuur – beurs.pdf', 'application/pdf', PDF.length],
        ['stand.png', 'image/png', PNG.length],
        ['photo.jpeg', 'image/jpeg', JPEG.length],
      ]);
      const stored = storedFiles(w);
      expect(stored).toHaveLength(before + 3);
      for (const name of stored) expect(name).toMatch(/^[0-9a-f-]{36}\.(pdf|png|jpg)$/);
      const keys: { storage_key: string }[] = await w.t.dataSource.query(`SELECT storage_key FROM mdf_proof_files WHERE claim_id = $1`, [claim.id]);
      for (const { storage_key } of keys) expect(stored).toContain(storage_key);
      // The API never shows where a file is stored.
      const answer = JSON.stringify(await gqlOk(w.t, DOCS.mdfClaim, { id: claim.id }, { token: w.manager }));
      for (const { storage_key } of keys) expect(answer).not.toContain(storage_key.slice(0, 36));
    });

    it('the owner and vendor staff download a file with safe headers; another partner gets 404', async () => {
      const png = claim.files[1]!;
      for (const token of [w.nwRep, w.nwAdmin, w.manager, w.analyst]) {
        const res = await getAs(w.t, token, `/api/mdf/files/${png.id}`);
        expect(res.status).toBe(200);
        expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
        expect(res.headers['content-type']).toBe('image/png');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="stand.png"; filename*=UTF-8''stand.png`);
      }
      const pdfFile = await getAs(w.t, w.nwRep, `/api/mdf/files/${claim.files[0]!.id}`);
      expect(pdfFile.headers['content-disposition']).toBe(`attachment; filename="Factuur _ beurs.pdf"; filename*=UTF-8''${encodeURIComponent('Factuur – beurs.pdf')}`);
      for (const token of [w.ctAdmin, w.ctRep]) {
        const res = await getAs(w.t, token, `/api/mdf/files/${png.id}`);
        expect(res.status).toBe(404);
        expect((res.body as Buffer).toString()).not.toContain('stand.png');
      }
      expect((await getAs(w.t, w.nwRep, `/api/mdf/files/not-a-uuid`)).status).toBe(404);
    });

    it('a second claim on the same request is refused and leaves no file', async () => {
      const before = storedFiles(w);
      const res = await postClaim(w.t, w.nwRep, request.id, CLAIM, [pdf()]);
      expect(res.status).toBe(409);
      expect(storedFiles(w)).toEqual(before);
    });

    it('a resubmission after a request for information may add files, up to 10 in all', async () => {
      await gqlOk(w.t, DOCS.requestMdfClaimInfo, { id: claim.id, comment: 'Please add the attendee list.' }, { token: w.manager });
      const before = storedFiles(w);
      const tooMany = await postClaim(w.t, w.nwRep, claim.id, {}, Array.from({ length: 8 }, (_, i) => pdf(`extra${i}.pdf`)), `/api/mdf/claims/${claim.id}/resubmit`);
      expect(tooMany.status).toBe(400);
      expect(storedFiles(w)).toEqual(before);
      const res = await postClaim(w.t, w.nwRep, claim.id, { comment: 'Attendee list attached.' }, [pdf('attendees.pdf')], `/api/mdf/claims/${claim.id}/resubmit`);
      expect(res.status).toBe(200);
      const after = (await gqlOk<{ mdfClaim: ClaimNode }>(w.t, DOCS.mdfClaim, { id: claim.id }, { token: w.nwRep })).mdfClaim;
      expect(after.status).toBe('SUBMITTED');
      expect(after.files.map((f) => f.name)).toEqual(['Factuur – beurs.pdf', 'stand.png', 'photo.jpeg', 'attendees.pdf']);
      expect(storedFiles(w)).toHaveLength(before.length + 1);
    });
  });

  it('concurrent claims on one request: one is accepted, the others leave no file behind', async () => {
    const other = await createRequest(w.t, w.nwRep, fund);
    await approveRequest(w.t, w.manager, other.id);
    const before = storedFiles(w).length;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => postClaim(w.t, w.nwRep, other.id, CLAIM, [pdf(`race${i}.pdf`), { name: `race${i}.png`, bytes: PNG }])));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(storedFiles(w)).toHaveLength(before + 2);
    const [rows]: { n: number }[] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM mdf_claims WHERE request_id = $1`, [other.id]);
    expect(rows!.n).toBe(1);
  });
});
