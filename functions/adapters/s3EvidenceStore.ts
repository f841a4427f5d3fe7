import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  EVIDENCE_HEAD_BYTES,
  EVIDENCE_KEY,
  EVIDENCE_TYPES,
  type EvidenceDownloads,
  type EvidenceFile,
  type EvidenceStore,
  EvidenceStoreError,
  type EvidenceType,
  type EvidenceUploadForm,
  type EvidenceUploadRequest,
  MAX_EVIDENCE_BYTES,
  type StoredEvidence,
} from '../ports/evidenceStore.ts';

/** How long an upload form stays valid: long enough to find the file and pick it. */
export const UPLOAD_FORM_SECONDS = 3600;

/** How long a download link stays valid: the officer's browser follows it at once. */
export const DOWNLOAD_URL_SECONDS = 60;

/** `attachment` with the file's name (RFC 6266, `filename*` for any non-ASCII name). */
export const attachmentOf = (fileName: string): string =>
  `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Evidence files in an S3 bucket (infra/constructs/evidence.ts). Browsers upload straight to the
 * bucket with a pre-signed POST whose policy allows exactly one key, one of the evidence types, at
 * most MAX_EVIDENCE_BYTES and the site's own redirect; the site then reads the first bytes back to
 * check that the content is what the type says (a name or a header proves nothing).
 */
export class S3EvidenceStore implements EvidenceStore, EvidenceDownloads {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadForm(r: EvidenceUploadRequest): Promise<EvidenceUploadForm> {
    if (!EVIDENCE_KEY.test(r.key)) throw new EvidenceStoreError(`not an evidence key: ${r.key}`);
    if (!(EVIDENCE_TYPES as readonly string[]).includes(r.contentType))
      throw new EvidenceStoreError(`not an evidence type: ${r.contentType}`);
    try {
      const post = await createPresignedPost(this.s3, {
        Bucket: this.bucket,
        Key: r.key,
        Conditions: [
          ['content-length-range', 1, MAX_EVIDENCE_BYTES],
          { 'Content-Type': r.contentType },
          { success_action_redirect: r.redirect },
        ],
        Fields: { 'Content-Type': r.contentType, success_action_redirect: r.redirect },
        Expires: UPLOAD_FORM_SECONDS,
      });
      return { url: post.url, fields: post.fields };
    } catch (err) {
      throw new EvidenceStoreError('could not sign an evidence upload', { cause: err });
    }
  }

  async put(key: string, body: Buffer, contentType: EvidenceType): Promise<void> {
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
    } catch (err) {
      throw new EvidenceStoreError(`could not store evidence ${key}`, { cause: err });
    }
  }

  async describe(key: string): Promise<StoredEvidence | null> {
    if (!EVIDENCE_KEY.test(key)) return null;
    try {
      const got = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${EVIDENCE_HEAD_BYTES - 1}` }),
      );
      const head = Buffer.from((await got.Body?.transformToByteArray()) ?? []);
      // A ranged read answers `bytes 0-15/12345`: the whole size is after the slash.
      const total = /\/(\d+)$/.exec(got.ContentRange ?? '')?.[1];
      return {
        key,
        size: total !== undefined ? Number(total) : (got.ContentLength ?? head.length),
        contentType: got.ContentType ?? '',
        head: head.subarray(0, EVIDENCE_HEAD_BYTES),
      };
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
      throw new EvidenceStoreError(`could not read evidence ${key}`, { cause: err });
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      throw new EvidenceStoreError(`could not remove evidence ${key}`, { cause: err });
    }
  }

  async downloadUrl(key: string, fileName: string): Promise<string> {
    if (!EVIDENCE_KEY.test(key)) throw new EvidenceStoreError(`not an evidence key: ${key}`);
    try {
      // Signed for one key, a minute, and an attachment: the bucket never serves it inline.
      return await getSignedUrl(
        this.s3,
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: attachmentOf(fileName) }),
        { expiresIn: DOWNLOAD_URL_SECONDS },
      );
    } catch (err) {
      throw new EvidenceStoreError(`could not sign an evidence download ${key}`, { cause: err });
    }
  }

  async read(key: string): Promise<EvidenceFile | null> {
    if (!EVIDENCE_KEY.test(key)) return null;
    try {
      const got = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: Buffer.from((await got.Body?.transformToByteArray()) ?? []), contentType: got.ContentType ?? '' };
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null;
      throw new EvidenceStoreError(`could not read evidence ${key}`, { cause: err });
    }
  }
}
