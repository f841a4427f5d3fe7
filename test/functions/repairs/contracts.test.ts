import { describe, expect, it } from 'vitest';
import { validate } from '../../../domain/validation.ts';
import { MAX_EVIDENCE_FILES, repairApplicationBody } from '../../../functions/repairs/contracts.ts';
import { ENTERPRISE_ID } from '../../support/builders.ts';

/** A repair application names its evidence files by the keys their upload gave (Art 23 ¶2: 整改情况及证据). */
const key = (n: number) =>
  `evidence/enterprise/${ENTERPRISE_ID}/0f9e8d7c-6b5a-4c3d-8e2f-${String(n).padStart(12, '0')}`;
const base = { eventId: 'NMG-ENF-2026-000123', evidence: '已按要求建立环境管理台账并报送' };

describe('the repair application body', () => {
  it('takes an application without evidence files, as before', () => {
    const r = validate(repairApplicationBody, base);
    expect(r.ok && r.value.evidenceFiles).toBeUndefined();
  });

  it('takes the keys of uploaded evidence files', () => {
    const r = validate(repairApplicationBody, { ...base, evidenceFiles: [key(1), key(2)] });
    expect(r.ok && r.value.evidenceFiles).toEqual([key(1), key(2)]);
  });

  it('refuses a key that is not an evidence key, naming evidenceFiles', () => {
    const r = validate(repairApplicationBody, { ...base, evidenceFiles: ['../../etc/passwd'] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ path: 'evidenceFiles[0]', message: expect.stringContaining('证明材料文件') });
  });

  it(`refuses more than ${MAX_EVIDENCE_FILES} files`, () => {
    const r = validate(repairApplicationBody, {
      ...base,
      evidenceFiles: Array.from({ length: MAX_EVIDENCE_FILES + 1 }, (_, i) => key(i)),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('evidenceFiles');
  });
});
