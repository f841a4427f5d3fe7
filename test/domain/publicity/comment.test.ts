import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_TEXT_MAX,
  CONTACT_MAX,
  checkComment,
  checkFinding,
  closedReason,
  commentIdentity,
  FINDINGS,
  findingNeedsReview,
  hasControlCharacter,
  isPubliclyListed,
} from '../../../domain/publicity/comment.ts';

const entry = { year: 2025, kind: 'enterprise' as const, league: '150600', code: '91150600MA0000801X' };

describe('a comment of the public (Art 16(3), 17(4))', () => {
  it('takes any non-blank text up to the bound, trimmed, and a blank contact as none', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: COMMENT_TEXT_MAX })
          .filter((s) => s.trim() !== '' && !hasControlCharacter(s)),
        fc.constantFrom('', '  ', '13800000000'),
        (text, contact) => {
          const out = checkComment({ text, contact });
          expect(out).toEqual({
            ok: true,
            value: { text: text.replace(/\r\n/g, '\n').trim(), contact: contact.trim() === '' ? null : contact },
          });
        },
      ),
    );
  });

  it('refuses blank or overlong text and an overlong contact, naming each field', () => {
    fc.assert(
      fc.property(fc.constantFrom('', ' \n ', undefined), (text) => {
        const out = checkComment({ text, contact: undefined });
        expect(out.ok === false && out.issues.map((i) => i.path)).toEqual(['text']);
      }),
    );
    const long = checkComment({ text: '意'.repeat(COMMENT_TEXT_MAX + 1), contact: 'x'.repeat(CONTACT_MAX + 1) });
    expect(long.ok === false && long.issues.map((i) => i.path)).toEqual(['text', 'contact']);
    // Characters as a person counts them: 500 Chinese characters are within the bound.
    expect(checkComment({ text: '意'.repeat(COMMENT_TEXT_MAX) }).ok).toBe(true);
  });

  it('is the same comment within one minute and a different one in the next or with other words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (s1, s2) => {
        const at = (min: number, s: number) =>
          `2026-05-07T03:${String(min).padStart(2, '0')}:${String(s).padStart(2, '0')}.000Z`;
        const c = { text: '存在偷排', contact: null };
        expect(commentIdentity(entry, c, at(10, s1))).toBe(commentIdentity(entry, c, at(10, s2)));
        expect(commentIdentity(entry, c, at(10, s1))).not.toBe(commentIdentity(entry, c, at(11, s2)));
        expect(commentIdentity(entry, c, at(10, s1))).not.toBe(
          commentIdentity(entry, { ...c, text: '存在偷排。' }, at(10, s1)),
        );
      }),
    );
  });

  it('never lists practitioners (Art 18(6)) nor suspended subjects (I15)', () => {
    fc.assert(
      fc.property(fc.constantFrom('enterprise', 'agency', 'practitioner'), fc.boolean(), (kind, suspended) => {
        expect(isPubliclyListed({ kind: kind as 'enterprise', suspended })).toBe(kind !== 'practitioner' && !suspended);
      }),
    );
  });

  it('says when the window ended (I12)', () => {
    expect(closedReason('2026-05-14')).toBe('公示期已于2026年5月14日结束，不再受理意见');
  });
});

describe('the league’s investigation (Art 16(4) 调查核实)', () => {
  it('needs one of the three findings and reasons; 属实 and 部分属实 go to the review group (Art 8)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FINDINGS),
        fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''),
        (finding, reasons) => {
          expect(checkFinding({ finding, reasons })).toEqual({ ok: true, value: { finding, reasons: reasons.trim() } });
          expect(findingNeedsReview(finding)).toBe(finding !== 'notConfirmed');
        },
      ),
    );
    const bad = checkFinding({ finding: 'maybe', reasons: ' ' });
    expect(bad.ok === false && bad.issues.map((i) => i.path)).toEqual(['finding', 'reasons']);
  });
});
