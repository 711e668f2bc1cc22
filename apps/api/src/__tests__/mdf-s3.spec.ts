import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { loadConfig } from '@prm/server/core';
import S3rver from 's3rver';
import { approveRequest, createFund, createRequest, type FundNode, getAs, type MdfWorld, PDF, PNG, postClaim, startMdfApp, storedFiles, ZIP } from '../testing/mdf-fixtures';

/**
 * Proof files in S3-compatible storage (MDF_STORAGE=s3), against a real S3 protocol server (s3rver)
 * on the loopback interface: objects under the prefix with generated keys, downloads, and no object
 * left behind by a refused upload or a failed transaction.
 */

const TODAY = new Date('2026-07-01T09:00:00Z');
const BUCKET = 'prm-proofs';
const PREFIX = 'tenant-a/mdf/';

describe('mdf proof files in S3-compatible storage', () => {
  let server: S3rver;
  let folder: string;
  let s3: S3Client;
  let w: MdfWorld;
  let fund: FundNode;

  const objects = async (): Promise<string[]> => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((o) => o.Key!).sort();
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'prm-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: folder, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    w = await startMdfApp(TODAY, {
      MDF_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_PREFIX: PREFIX,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    fund = await createFund(w.t, w.manager, { organisationId: w.northwind, programId: w.programId, periodStart: '2026-10-01', budget: '10000.00' });
  });
  afterAll(async () => {
    await w?.t.close();
    s3?.destroy();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores a claim’s files as objects under the prefix with generated names, and serves them back', async () => {
    const request = await createRequest(w.t, w.nwRep, fund);
    await approveRequest(w.t, w.manager, request.id);
    const before = await objects(); // the demo data's proof files
    const res = await postClaim(w.t, w.nwRep, request.id, { actualCost: '2000.00', claimedAmount: '1000.00' }, [
      { name: 'invoice.pdf', bytes: PDF },
      { name: 'photo.png', bytes: PNG, contentType: 'image/png' },
    ]);
    expect(res.status).toBe(201);
    const keys: { id: string; storage_key: string }[] = await w.t.dataSource.query(
      `SELECT f.id, f.storage_key FROM mdf_proof_files f JOIN mdf_claims c ON c.id = f.claim_id WHERE c.request_id = $1 ORDER BY f.created_at, f.id`,
      [request.id],
    );
    expect(keys).toHaveLength(2);
    expect(await objects()).toEqual([...before, ...keys.map((k) => `${PREFIX}${k.storage_key}`)].sort());
    for (const k of keys) expect(k.storage_key).toMatch(/^[0-9a-f-]{36}\.(pdf|png)$/);
    // Nothing went to the local folder.
    expect(storedFiles(w)).toEqual([]);

    const pdf = keys.find((k) => k.storage_key.endsWith('.pdf'))!;
    const download = await getAs(w.t, w.nwAdmin, `/api/mdf/files/${pdf.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    // Another partner still gets 404, whatever the storage.
    expect((await getAs(w.t, w.ctAdmin, `/api/mdf/files/${pdf.id}`)).status).toBe(404);
  });

  it('leaves no object behind when an upload is refused or its transaction fails', async () => {
    const request = await createRequest(w.t, w.nwRep, fund);
    await approveRequest(w.t, w.manager, request.id);
    const before = await objects();
    // Refused by content: a good PDF beside a ZIP stores neither.
    const refused = await postClaim(w.t, w.nwRep, request.id, { actualCost: '2000.00', claimedAmount: '1000.00' }, [
      { name: 'invoice.pdf', bytes: PDF },
      { name: 'archive.pdf', bytes: ZIP },
    ]);
    expect(refused.status).toBe(400);
    expect(await objects()).toEqual(before);

    // Two claims at once on one request: one wins, the other's files are removed after its transaction fails.
    const results = await Promise.all(
      [1, 2].map((i) => postClaim(w.t, w.nwRep, request.id, { actualCost: '2000.00', claimedAmount: '1000.00' }, [{ name: `invoice-${i}.pdf`, bytes: PDF }])),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const kept: { storage_key: string }[] = await w.t.dataSource.query(
      `SELECT f.storage_key FROM mdf_proof_files f JOIN mdf_claims c ON c.id = f.claim_id WHERE c.request_id = $1`,
      [request.id],
    );
    expect(kept).toHaveLength(1);
    expect(await objects()).toEqual([...before, `${PREFIX}${kept[0]!.storage_key}`].sort());
  });

  it('refuses to start with MDF_STORAGE=s3 and no bucket, or with half the credentials', () => {
    expect(() => loadConfig({ MDF_STORAGE: 's3' })).toThrow(/S3_BUCKET: must be set when MDF_STORAGE=s3/);
    expect(() => loadConfig({ MDF_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-the-id' })).toThrow(/set both or neither/);
    expect(() => loadConfig({ MDF_STORAGE: 'ftp' })).toThrow(/MDF_STORAGE/);
    expect(loadConfig({ MDF_STORAGE: 's3', S3_BUCKET: 'b' }).MDF_STORAGE).toBe('s3');
  });
});
