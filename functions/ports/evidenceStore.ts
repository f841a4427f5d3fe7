import { EcocreditError } from '../shared/errors.ts';

/**
 * Evidence files of repair applications (Art 23 ¶2: "整改情况及证据"): a folder in the local runtime,
 * an S3 bucket on AWS, where browsers upload straight to the bucket with a pre-signed POST
 * (docs/portal.md). Keys are chosen by the site (`evidenceKeyOf`), one folder per subject, so an
 * application can only name its own subject's files.
 */

/** The file types taken as evidence: PDF documents and JPEG or PNG photographs. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The largest evidence file: 10 MiB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Where a browser posts one file: the form's action and its hidden fields; the file goes last, as `file`. */
export interface EvidenceUploadForm {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface EvidenceUploadRequest {
  readonly key: string;
  readonly contentType: EvidenceType;
  /** Where the browser is sent once the file is stored (`key` is added to its query). */
  readonly redirect: string;
}

/** A stored file as the store describes it: its size, its stored type and its first bytes (to check the type). */
export interface StoredEvidence {
  readonly key: string;
  readonly size: number;
  readonly contentType: string;
  readonly head: Buffer;
}

export interface EvidenceStore {
  /** The form a browser uploads one file with (allowing only `contentType` and at most MAX_EVIDENCE_BYTES). */
  uploadForm(request: EvidenceUploadRequest): Promise<EvidenceUploadForm>;
  /** Stores a file already checked (the local runtime's upload route). */
  put(key: string, body: Buffer, contentType: EvidenceType): Promise<void>;
  /** The stored file under `key`; null when there is none. */
  describe(key: string): Promise<StoredEvidence | null>;
  /** Removes a file (one refused after upload); removing nothing is not an error. */
  remove(key: string): Promise<void>;
}

/** An unexpected failure of the evidence storage (not a refused file: those are outcomes). */
export class EvidenceStoreError extends EcocreditError {
  override readonly name = 'EvidenceStoreError';
}

/** How many bytes of a file `describe` returns, enough for every type's signature. */
export const EVIDENCE_HEAD_BYTES = 16;

/** An evidence key: `evidence/{kind}/{id}/{uuid}`. */
export const EVIDENCE_KEY =
  /^evidence\/(enterprise|agency)\/[0-9A-Z]{18}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The folder of a subject's evidence files. */
export const evidencePrefixOf = (subject: { readonly kind: string; readonly id: string }): string =>
  `evidence/${subject.kind}/${subject.id}/`;

/** A stored file read whole, with the type it was stored as. */
export interface EvidenceFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * How bureau officers open evidence files (docs/console.md): the console authorises the officer, then
 * sends the browser to `downloadUrl` — a short-lived pre-signed GET on S3 (a Lambda answer could not
 * carry a 10 MiB file), the console's own streaming route in the local runtime, which reads the file
 * with `read`. Both answer the file as an attachment (never shown inline in the site's origin).
 */
export interface EvidenceDownloads {
  /** Where the browser fetches the file under `key` as an attachment named `fileName`. */
  downloadUrl(key: string, fileName: string): Promise<string>;
  /** The file under `key`, whole; null when there is none (or the key is not an evidence key). */
  read(key: string): Promise<EvidenceFile | null>;
}

/** The local runtime's console route that streams a file (functions/web/console/evidence/routes.ts). */
export const LOCAL_EVIDENCE_FILE_PATH = '/console/evidence/file';
