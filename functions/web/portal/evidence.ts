import { randomUUID } from 'node:crypto';
import {
  EVIDENCE_KEY,
  EVIDENCE_TYPES,
  type EvidenceType,
  evidencePrefixOf,
  MAX_EVIDENCE_BYTES,
  type StoredEvidence,
} from '../../ports/evidenceStore.ts';
import type { SubjectRef } from '../../ports/store.ts';

/**
 * Evidence files as the portal checks them: the type by the file's first bytes (a file name or a
 * browser's header proves nothing), the size, and the key in the subject's own folder.
 */

/** The file's type by its signature: `%PDF-`, JPEG's `FF D8 FF`, PNG's eight bytes; null for anything else. */
export const sniffEvidenceType = (head: Uint8Array): EvidenceType | null => {
  const starts = (sig: readonly number[]) => head.length >= sig.length && sig.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
};

/** The type's name as the page says it. */
export const EVIDENCE_TYPE_NAMES: Readonly<Record<EvidenceType, string>> = {
  'application/pdf': 'PDF 文件',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
};

export const isEvidenceType = (t: string): t is EvidenceType => (EVIDENCE_TYPES as readonly string[]).includes(t);

/** A new key in the subject's folder. */
export const newEvidenceKey = (subject: SubjectRef): string => `${evidencePrefixOf(subject)}${randomUUID()}`;

/** Is this one of the subject's own evidence keys? */
export const isOwnEvidenceKey = (subject: SubjectRef, key: string): boolean =>
  EVIDENCE_KEY.test(key) && key.startsWith(evidencePrefixOf(subject));

/** The field a refused file is named by (the upload form's file input). */
export const FILE_FIELD = '证明材料文件（file）';

/** Why a file is refused, in Chinese naming its field; null when it is a PDF, JPEG or PNG within 10 MiB. */
export const evidenceProblem = (file: { size: number; head: Uint8Array }): string | null => {
  if (file.size === 0) return `${FILE_FIELD}为空，请选择要上传的文件`;
  if (file.size > MAX_EVIDENCE_BYTES) return `${FILE_FIELD}不能超过 10 MB`;
  if (sniffEvidenceType(file.head) === null) return `${FILE_FIELD}须为 PDF、JPEG 或 PNG 格式（按文件内容识别）`;
  return null;
};

/** A stored file checked again after a direct upload (AWS): the content must match the type it was stored as. */
export const storedEvidenceProblem = (stored: StoredEvidence): string | null => {
  const problem = evidenceProblem(stored);
  if (problem !== null) return problem;
  return sniffEvidenceType(stored.head) === stored.contentType
    ? null
    : `${FILE_FIELD}的内容与所选的文件类型不符，请重新选择类型后上传`;
};

export interface MultipartPart {
  readonly name: string;
  readonly fileName?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

/** The parts of a `multipart/form-data` body (RFC 7578); null when the body is not one. */
export const parseMultipart = (body: Buffer, contentType: string): MultipartPart[] | null => {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !m) return null;
  // The body's first line is the delimiter, in its own case (the request's content type may be lower-cased).
  const firstLine = body.subarray(0, Math.max(0, body.indexOf('\r\n'))).toString('latin1');
  if (firstLine.toLowerCase() !== `--${m[1] ?? m[2]}`.toLowerCase()) return null;
  const delimiter = Buffer.from(firstLine, 'latin1');
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    at += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return null;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return null;
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    if (name !== undefined)
      parts.push({
        name,
        ...(fileName !== undefined ? { fileName } : {}),
        ...(type !== undefined ? { contentType: type } : {}),
        data: body.subarray(headerEnd + 4, next),
      });
    at = next + 2;
  }
};
