import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DOWNLOAD_URL_SECONDS,
  S3EvidenceStore,
  UPLOAD_FORM_SECONDS,
} from '../../../functions/adapters/s3EvidenceStore.ts';
import { EvidenceStoreError, MAX_EVIDENCE_BYTES } from '../../../functions/ports/evidenceStore.ts';
import { ENTERPRISE_ID } from '../../support/builders.ts';

/** S3 has no local peer here: the edge is mocked, and the pre-signed POST is checked field by field. */
const KEY = `evidence/enterprise/${ENTERPRISE_ID}/0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f`;
const REDIRECT = `https://site.example/portal/repairs/apply?eventId=E-1&type=pdf`;
const client = new S3Client({
  region: 'cn-north-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});
const store = new S3EvidenceStore(client, 'ecocredit-evidence');
const mock = mockClient(client);
beforeEach(() => mock.reset());

describe('the S3 evidence store', () => {
  it('signs a POST for one key, one evidence type, at most 10 MiB and the site’s redirect', async () => {
    const before = Date.now();
    const form = await store.uploadForm({ key: KEY, contentType: 'image/png', redirect: REDIRECT });
    expect(form.url).toBe('https://ecocredit-evidence.s3.cn-north-1.amazonaws.com.cn/');
    const { Policy, ...fields } = form.fields;
    expect(fields).toEqual({
      bucket: 'ecocredit-evidence',
      key: KEY,
      'Content-Type': 'image/png',
      success_action_redirect: REDIRECT,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': expect.stringMatching(/^AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request$/),
      'X-Amz-Date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const policy = JSON.parse(Buffer.from(Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual([
      ['content-length-range', 1, MAX_EVIDENCE_BYTES],
      { 'Content-Type': 'image/png' },
      { success_action_redirect: REDIRECT },
      { bucket: 'ecocredit-evidence' },
      { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
      { 'X-Amz-Credential': fields['X-Amz-Credential'] },
      { 'X-Amz-Date': fields['X-Amz-Date'] },
      { key: KEY },
    ]);
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan((UPLOAD_FORM_SECONDS - 60) * 1000);
    expect(expires).toBeLessThanOrEqual((UPLOAD_FORM_SECONDS + 60) * 1000);
  });

  it('signs nothing for a key outside the subjects’ folders or a type that is not evidence', async () => {
    await expect(
      store.uploadForm({ key: 'other/key', contentType: 'application/pdf', redirect: REDIRECT }),
    ).rejects.toBeInstanceOf(EvidenceStoreError);
    await expect(
      store.uploadForm({ key: KEY, contentType: 'text/html' as never, redirect: REDIRECT }),
    ).rejects.toBeInstanceOf(EvidenceStoreError);
  });

  it('reads back the first bytes, the whole size and the stored type of an uploaded file', async () => {
    mock.on(GetObjectCommand).resolves({
      // The SDK's body: only the one method the adapter reads.
      Body: {
        transformToByteArray: async () => new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n00000000', 'latin1')),
      } as never,
      ContentRange: 'bytes 0-15/20480',
      ContentLength: 16,
      ContentType: 'image/png',
    });
    const d = await store.describe(KEY);
    expect(mock.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'ecocredit-evidence',
      Key: KEY,
      Range: 'bytes=0-15',
    });
    expect(d).toMatchObject({ key: KEY, size: 20480, contentType: 'image/png' });
    expect([...d!.head.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('describes a missing file as nothing and wraps other failures', async () => {
    mock.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'no such key', $metadata: {} }));
    expect(await store.describe(KEY)).toBeNull();
    mock.on(GetObjectCommand).rejects(new Error('network down'));
    await expect(store.describe(KEY)).rejects.toBeInstanceOf(EvidenceStoreError);
  });

  it('removes a refused file from the bucket', async () => {
    mock.on(DeleteObjectCommand).resolves({});
    await store.remove(KEY);
    expect(mock.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({
      Bucket: 'ecocredit-evidence',
      Key: KEY,
    });
  });

  it('signs a one-minute GET for one key that the bucket answers as a named attachment', async () => {
    const url = new URL(await store.downloadUrl(KEY, '证明材料-1.pdf'));
    expect(`${url.origin}${url.pathname}`).toBe(`https://ecocredit-evidence.s3.cn-north-1.amazonaws.com.cn/${KEY}`);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toEqual({
      'response-content-disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent('证明材料-1.pdf')}`,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'X-Amz-Credential': expect.stringMatching(/^AKIDEXAMPLE\/\d{8}\/cn-north-1\/s3\/aws4_request$/),
      'X-Amz-Date': expect.stringMatching(/^\d{8}T\d{6}Z$/),
      'X-Amz-Expires': String(DOWNLOAD_URL_SECONDS),
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
      'X-Amz-SignedHeaders': 'host',
      'x-amz-checksum-mode': 'ENABLED',
      'x-id': 'GetObject',
    });
    expect(DOWNLOAD_URL_SECONDS).toBeLessThanOrEqual(300);
    await expect(store.downloadUrl('other/key', 'x.pdf')).rejects.toBeInstanceOf(EvidenceStoreError);
    expect(mock.commandCalls(GetObjectCommand)).toHaveLength(0); // signing sends nothing
  });

  it('reads a whole file with its stored type, and a missing one as nothing', async () => {
    mock.on(GetObjectCommand).resolves({
      Body: { transformToByteArray: async () => new Uint8Array(Buffer.from('%PDF-1.7 whole')) } as never,
      ContentType: 'application/pdf',
    });
    const f = await store.read(KEY);
    expect(mock.commandCalls(GetObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'ecocredit-evidence', Key: KEY });
    expect(f).toEqual({ body: Buffer.from('%PDF-1.7 whole'), contentType: 'application/pdf' });
    mock.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'no such key', $metadata: {} }));
    expect(await store.read(KEY)).toBeNull();
    expect(await store.read('../../etc/passwd')).toBeNull();
  });
});
