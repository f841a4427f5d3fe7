import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEvidenceStore } from '../../../../functions/adapters/localEvidenceStore.ts';
import { MAX_EVIDENCE_BYTES } from '../../../../functions/ports/evidenceStore.ts';
import { newEvidenceKey } from '../../../../functions/web/portal/evidence.ts';
import { EVIDENCE_RETURN_PAGES, uploadEvidence } from '../../../../functions/web/portal/upload.tsx';
import { ENTERPRISE_ID } from '../../../support/builders.ts';
import { portalContext, SITE } from './portalContext.ts';

/** The local upload route: the same limits as the bucket's pre-signed POST, the type by content. */
const SELF = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
const BOUNDARY = '----FormBoundaryXyZ';
const BACK = `${SITE}/portal/repairs/apply?eventId=E-1&type=pdf`;

let root: string;
let store: LocalEvidenceStore;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'upload-test-'));
  store = new LocalEvidenceStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const multipart = (fields: Record<string, string>, file: Buffer, fileName = '整改报告.pdf'): Buffer =>
  Buffer.concat([
    ...Object.entries(fields).map(([k, v]) =>
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

const contextOf = (body: Buffer) =>
  portalContext(
    ENTERPRISE_ID,
    { evidence: store },
    {
      method: 'POST',
      path: '/portal/evidence',
      body,
      contentType: `multipart/form-data; boundary=${BOUNDARY}`.toLowerCase(),
    },
  );

const stored = async () => readdir(join(root, 'evidence', 'enterprise', ENTERPRISE_ID)).catch(() => []);

describe('POST /portal/evidence (the local runtime’s upload)', () => {
  it('stores a PDF under its key and sends the browser back with the key, as S3 does', async () => {
    const key = newEvidenceKey(SELF);
    const res = await uploadEvidence(
      contextOf(
        multipart({ key, 'Content-Type': 'application/pdf', success_action_redirect: BACK }, Buffer.from('%PDF-1.7\n')),
      ),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toBe(`${BACK}&key=${encodeURIComponent(key)}`);
    expect(await store.describe(key)).toMatchObject({ size: 9, contentType: 'application/pdf' });
  });

  it('refuses a file over 10 MB, naming the file field, and stores nothing', async () => {
    const before = await stored();
    const key = newEvidenceKey(SELF);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_EVIDENCE_BYTES)]);
    const res = await uploadEvidence(
      contextOf(multipart({ key, 'Content-Type': 'application/pdf', success_action_redirect: BACK }, big)),
    );
    expect(res.statusCode).toBe(413);
    expect(String(res.body)).toContain('证明材料文件（file）不能超过 10 MB');
    expect(await stored()).toEqual(before);
  });

  it('refuses content that is not the chosen type, whatever the file is called', async () => {
    const key = newEvidenceKey(SELF);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    const res = await uploadEvidence(
      contextOf(multipart({ key, 'Content-Type': 'application/pdf', success_action_redirect: BACK }, png, 'a.pdf')),
    );
    expect(res.statusCode).toBe(400);
    expect(String(res.body)).toContain('证明材料文件（file）须为所选类型（PDF 文件）');
    expect(await store.describe(key)).toBeNull();
  });

  it('takes no key of another subject and no way back to another site', async () => {
    const other = newEvidenceKey({ kind: 'enterprise', id: '91150100MA0000002X' });
    const pdf = Buffer.from('%PDF-1.7\n');
    const foreign = await uploadEvidence(
      contextOf(multipart({ key: other, 'Content-Type': 'application/pdf', success_action_redirect: BACK }, pdf)),
    );
    expect(foreign.statusCode).toBe(400);
    expect(await store.describe(other)).toBeNull();
    const offsite = await uploadEvidence(
      contextOf(
        multipart(
          {
            key: newEvidenceKey(SELF),
            'Content-Type': 'application/pdf',
            success_action_redirect: 'https://evil.example/',
          },
          pdf,
        ),
      ),
    );
    expect(offsite.statusCode).toBe(400);
  });

  it('returns to any of the portal pages that take evidence (EVIDENCE_RETURN_PAGES), and to no other portal page', async () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    for (const page of EVIDENCE_RETURN_PAGES) {
      const key = newEvidenceKey(SELF);
      const back = `${SITE}${page}?type=pdf`;
      const res = await uploadEvidence(
        contextOf(multipart({ key, 'Content-Type': 'application/pdf', success_action_redirect: back }, pdf)),
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers?.location).toBe(`${back}&key=${encodeURIComponent(key)}`);
    }
    expect(EVIDENCE_RETURN_PAGES).toContain('/portal/confirmation');
    const elsewhere = await uploadEvidence(
      contextOf(
        multipart(
          {
            key: newEvidenceKey(SELF),
            'Content-Type': 'application/pdf',
            success_action_redirect: `${SITE}/portal?x=1`,
          },
          pdf,
        ),
      ),
    );
    expect(elsewhere.statusCode).toBe(400);
  });
});
