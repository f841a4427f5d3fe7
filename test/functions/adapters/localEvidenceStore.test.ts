import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_EVIDENCE_UPLOAD_PATH, LocalEvidenceStore } from '../../../functions/adapters/localEvidenceStore.ts';
import { EvidenceStoreError, LOCAL_EVIDENCE_FILE_PATH } from '../../../functions/ports/evidenceStore.ts';
import { ENTERPRISE_ID } from '../../support/builders.ts';

const KEY = `evidence/enterprise/${ENTERPRISE_ID}/0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20)]);

describe('the local evidence store (a folder)', () => {
  let root: string;
  let store: LocalEvidenceStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'evidence-test-'));
    store = new LocalEvidenceStore(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('gives an upload form that posts to the site with the same fields as a bucket’s pre-signed POST', async () => {
    const form = await store.uploadForm({
      key: KEY,
      contentType: 'application/pdf',
      redirect: 'http://127.0.0.1:3000/portal/repairs/apply?eventId=E-1',
    });
    expect(form).toEqual({
      url: LOCAL_EVIDENCE_UPLOAD_PATH,
      fields: {
        key: KEY,
        'Content-Type': 'application/pdf',
        success_action_redirect: 'http://127.0.0.1:3000/portal/repairs/apply?eventId=E-1',
      },
    });
  });

  it('stores a file under its key and describes it by its size, type and first bytes', async () => {
    await store.put(KEY, PDF, 'application/pdf');
    const d = await store.describe(KEY);
    expect(d).toMatchObject({ key: KEY, size: PDF.length, contentType: 'application/pdf' });
    expect(d!.head.toString('latin1')).toBe('%PDF-1.7\n       ');
    expect(await readdir(join(root, 'evidence', 'enterprise', ENTERPRISE_ID))).toContain(KEY.split('/').pop());
  });

  it('reads a stored file whole with its type, and links it through the console’s streaming route', async () => {
    await store.put(KEY, PDF, 'application/pdf');
    expect(await store.read(KEY)).toEqual({ body: PDF, contentType: 'application/pdf' });
    expect(await store.read('../../etc/passwd')).toBeNull();
    expect(await store.read(`evidence/enterprise/${ENTERPRISE_ID}/00000000-0000-4000-8000-000000000000`)).toBeNull();
    const url = new URL(await store.downloadUrl(KEY, '证明材料-1.pdf'), 'http://127.0.0.1');
    expect(url.pathname).toBe(LOCAL_EVIDENCE_FILE_PATH);
    expect(Object.fromEntries(url.searchParams)).toEqual({ key: KEY, name: '证明材料-1.pdf' });
    await expect(store.downloadUrl('elsewhere/x', 'x.pdf')).rejects.toBeInstanceOf(EvidenceStoreError);
  });

  it('describes nothing for an unknown or malformed key, and removes a file', async () => {
    expect(
      await store.describe(`evidence/enterprise/${ENTERPRISE_ID}/00000000-0000-4000-8000-000000000000`),
    ).toBeNull();
    expect(await store.describe('../../etc/passwd')).toBeNull();
    await store.remove(KEY);
    expect(await store.describe(KEY)).toBeNull();
    await store.remove(KEY); // removing nothing is not an error
  });

  it('refuses to write outside the subjects’ folders', async () => {
    await expect(store.put('evidence/../../escape', PDF, 'application/pdf')).rejects.toBeInstanceOf(EvidenceStoreError);
    await expect(
      store.uploadForm({ key: 'elsewhere/x', contentType: 'application/pdf', redirect: 'http://127.0.0.1/' }),
    ).rejects.toBeInstanceOf(EvidenceStoreError);
  });
});
