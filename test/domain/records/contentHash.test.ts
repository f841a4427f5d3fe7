import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../../../domain/records/contentHash.ts';
import { canonicalRecord } from '../../../domain/records/creditRecord.ts';
import { enterpriseRecords } from '../../support/arbitraries.ts';

const nodeSha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('the content hash of a record (docs/api.md §2)', () => {
  it('is SHA-256 in lowercase hex (FIPS 180-4 examples)', () => {
    expect(contentHashOf('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHashOf('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto’s SHA-256 of the UTF-8 text, across block boundaries and Chinese text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(contentHashOf(s)).toBe(nodeSha256(s));
      }),
      { numRuns: 500 },
    );
    for (let n = 50; n <= 130; n++) expect(contentHashOf('环'.repeat(n))).toBe(nodeSha256('环'.repeat(n)));
  });

  it('equals node:crypto’s SHA-256 of the canonical record, as the ingest stores it (property)', () => {
    fc.assert(
      fc.property(enterpriseRecords(), (records) => {
        for (const r of records) expect(contentHashOf(canonicalRecord(r))).toBe(nodeSha256(canonicalRecord(r)));
      }),
      { numRuns: 100 },
    );
  });
});
