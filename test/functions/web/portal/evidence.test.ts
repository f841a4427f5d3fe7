import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../../../../functions/ports/evidenceStore.ts';
import {
  evidenceProblem,
  isOwnEvidenceKey,
  newEvidenceKey,
  parseMultipart,
  sniffEvidenceType,
  storedEvidenceProblem,
} from '../../../../functions/web/portal/evidence.ts';
import { AGENCY_ID, ENTERPRISE_ID } from '../../../support/builders.ts';

const PDF = Buffer.from('%PDF-1.4\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('evidence files as the portal checks them', () => {
  it('knows PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
    expect(sniffEvidenceType(PDF)).toBe('application/pdf');
    expect(sniffEvidenceType(JPEG)).toBe('image/jpeg');
    expect(sniffEvidenceType(PNG)).toBe('image/png');
    expect(sniffEvidenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('<html>'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('%PD'))).toBeNull();
  });

  it('takes no content without one of the three signatures', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        const t = sniffEvidenceType(bytes);
        const b = Buffer.from(bytes);
        if (t === 'application/pdf') expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        else if (t === 'image/jpeg') expect([...b.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        else if (t === 'image/png') expect([...b.subarray(0, 8)]).toEqual([...PNG.subarray(0, 8)]);
      }),
    );
  });

  it('refuses an empty, an oversized or an unknown file, naming the file field in Chinese', () => {
    expect(evidenceProblem({ size: PDF.length, head: PDF })).toBeNull();
    expect(evidenceProblem({ size: 0, head: Buffer.alloc(0) })).toContain('证明材料文件（file）为空');
    expect(evidenceProblem({ size: MAX_EVIDENCE_BYTES + 1, head: PDF })).toBe('证明材料文件（file）不能超过 10 MB');
    expect(evidenceProblem({ size: MAX_EVIDENCE_BYTES, head: PDF })).toBeNull();
    expect(evidenceProblem({ size: 4, head: Buffer.from('GIF8') })).toContain('须为 PDF、JPEG 或 PNG 格式');
  });

  it('refuses a stored file whose content is not the type it was uploaded as', () => {
    const key = newEvidenceKey({ kind: 'enterprise', id: ENTERPRISE_ID });
    expect(storedEvidenceProblem({ key, size: 100, contentType: 'application/pdf', head: PDF })).toBeNull();
    expect(storedEvidenceProblem({ key, size: 100, contentType: 'application/pdf', head: PNG })).toContain(
      '与所选的文件类型不符',
    );
  });

  it('gives each subject its own folder of keys and takes no other subject’s', () => {
    const ent = { kind: 'enterprise' as const, id: ENTERPRISE_ID };
    const key = newEvidenceKey(ent);
    expect(key).toMatch(new RegExp(`^evidence/enterprise/${ENTERPRISE_ID}/[0-9a-f-]{36}$`));
    expect(isOwnEvidenceKey(ent, key)).toBe(true);
    expect(isOwnEvidenceKey({ kind: 'agency', id: AGENCY_ID }, key)).toBe(false);
    expect(isOwnEvidenceKey(ent, `${key}/../x`)).toBe(false);
  });

  it('reads the parts of a multipart body, binary files intact, whatever the case of its boundary', () => {
    const boundary = '----WebKitFormBoundaryAbCdEf';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nK-1\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="报告.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parts = parseMultipart(body, `multipart/form-data; boundary=${boundary}`.toLowerCase());
    expect(parts?.map((p) => p.name)).toEqual(['key', 'file']);
    expect(parts?.[0]?.data.toString()).toBe('K-1');
    expect(parts?.[1]).toMatchObject({ fileName: '报告.png', contentType: 'image/png' });
    expect(parts?.[1]?.data.equals(PNG)).toBe(true);
    expect(parseMultipart(body, 'application/x-www-form-urlencoded')).toBeNull();
    expect(parseMultipart(Buffer.from('garbage'), `multipart/form-data; boundary=${boundary}`)).toBeNull();
  });
});
