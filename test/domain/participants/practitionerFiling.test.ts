import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../../domain/identifiers/residentId.ts';
import {
  checkPractitionerBasics,
  FILING_STATUS_NAMES,
  maskResidentId,
} from '../../../domain/participants/practitionerFiling.ts';
import { residentId } from '../../support/builders.ts';

/** A valid resident identity number: a division, a birth date of 1950–2005, a sequence, its check character. */
const validId = fc
  .record({
    division: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2005-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ division, birth, seq }) => {
    const body = `${division}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return body + residentIdCheckCharacter(body);
  });

describe('a practitioner filed by its employer (Art 18(1))', () => {
  it('is taken with its name, resident identity number and position, trimmed', () => {
    expect(
      checkPractitionerBasics({ name: ' 张三 ', residentId: residentId(1).toLowerCase(), position: '工程师' }),
    ).toEqual({
      ok: true,
      value: { name: '张三', residentId: residentId(1), position: '工程师' },
    });
  });

  it('reports every missing field at once, naming it in Chinese', () => {
    const r = checkPractitionerBasics({ name: ' ', residentId: '', position: '' });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: '姓名', message: '不能为空' },
        { path: '公民身份号码', message: '不能为空' },
        { path: '岗位或职务', message: '不能为空' },
      ],
    });
  });

  it('accepts every number that passes GB 11643 and refuses any other check character', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...'0123456789X'), (id, c) => {
        const r = checkPractitionerBasics({ name: '李四', residentId: id, position: '技术负责人' });
        expect(r.ok).toBe(true);
        const other = id.slice(0, 17) + c;
        const s = checkPractitionerBasics({ name: '李四', residentId: other, position: '技术负责人' });
        if (c === id[17]) expect(s.ok).toBe(true);
        else
          expect(s).toEqual({
            ok: false,
            issues: [{ path: '公民身份号码', message: '公民身份号码校验码错误（GB 11643）' }],
          });
      }),
    );
  });

  it('names its statuses as the employer reads them', () => {
    expect(FILING_STATUS_NAMES).toEqual({ pending: '待确认', listed: '已列入名单', declined: '未列入' });
  });
});

describe('a masked resident identity number (Art 18(6))', () => {
  it('never shows the birth date and keeps the division and the last four characters', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const m = maskResidentId(id);
        expect(m).toHaveLength(18);
        expect(m.slice(6, 14)).toBe('********');
        expect(m.slice(0, 6) + m.slice(14)).toBe(id.slice(0, 6) + id.slice(14));
        expect(m).not.toContain(id.slice(6, 14));
      }),
    );
  });

  it('masks a value of another length whole', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.length !== 18),
        (s) => {
          expect(maskResidentId(s)).toBe('*'.repeat(s.length));
        },
      ),
    );
  });
});
