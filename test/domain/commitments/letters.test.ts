import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNEX_4,
  ANNEX_5,
  canonicalLetterText,
  checkSignature,
  commitmentLetterText,
  commitmentYearOn,
  letterTemplateOf,
} from '../../../domain/commitments/letters.ts';
import { residentId, uscc } from '../../support/builders.ts';

const regulation = readFileSync(new URL('../../../docs/regulation.zh.txt', import.meta.url), 'utf8');
const annex = (n: number): string => {
  const start = regulation.indexOf(`附件 ${n}\n`, regulation.indexOf('附件 3\n'));
  return regulation.slice(start, regulation.indexOf('\n附件 ', start + 3));
};

describe('the commitment letters are the regulation’s annexes', () => {
  it.each([
    [4, ANNEX_4],
    [5, ANNEX_5],
  ])('Annex %i: the title and every paragraph word for word, in order', (n, template) => {
    const text = annex(n);
    let at = 0;
    for (const line of [template.title, ...template.paragraphs]) {
      const found = text.indexOf(`\n${line}\n`, at);
      expect(found, line).toBeGreaterThan(-1);
      at = found + line.length;
    }
  });

  it('gives units Annex 4 and practitioners Annex 5', () => {
    expect(letterTemplateOf('enterprise').annex).toBe(4);
    expect(letterTemplateOf('agency').annex).toBe(4);
    expect(letterTemplateOf('practitioner').annex).toBe(5);
  });

  it('fills in the unit’s code and name, and nothing of the signature', () => {
    const id = uscc(3, '150600');
    const text = commitmentLetterText({ kind: 'enterprise', id, name: '鄂尔多斯市清源化工有限公司' });
    expect(text.split('\n').slice(-2)).toEqual([
      `承诺单位统一社会信用代码：${id}`,
      '承诺单位：鄂尔多斯市清源化工有限公司',
    ]);
    expect(text.split('\n')[0]).toBe(ANNEX_4.title);
    expect(text).not.toMatch(/年 月 日/);
    const person = commitmentLetterText({ kind: 'practitioner', id: residentId(4), name: '张三' });
    expect(person).toContain('承诺人：张三');
    expect(person.split('\n')[0]).toBe(ANNEX_5.title);
  });

  it('is the letter of the evaluation year under way: year Y is evaluated during Y+1 (Art 19)', () => {
    expect(commitmentYearOn('2026-03-02T02:00:00Z')).toBe(2025);
    // 31 Dec 2026 16:30 UTC is already 1 Jan 2027 in Beijing.
    expect(commitmentYearOn('2026-12-31T16:30:00Z')).toBe(2026);
  });
});

describe('the canonical text that is signed and hashed', () => {
  const lines = fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 8 });

  it('is the same for a copy re-wrapped with CR LF, blank lines or trailing blanks', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const canonical = canonicalLetterText(ls);
        expect(canonicalLetterText(ls.map((l) => `${l} \u3000`).join('\r\n\r\n'))).toBe(canonical);
        expect(canonicalLetterText(canonical)).toBe(canonical);
      }),
    );
  });

  it('keeps every non-blank line of a letter made out to any name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0 && !/[\r\n]/.test(s)),
        (name) => {
          const text = commitmentLetterText({ kind: 'agency', id: uscc(5), name });
          expect(text.split('\n')).toContain(`承诺单位：${name.normalize('NFC')}`);
          expect(text.split('\n').length).toBe(1 + ANNEX_4.paragraphs.length + 2);
        },
      ),
    );
  });
});

describe('the signature', () => {
  it('takes a trimmed name and role with the agreement ticked', () => {
    expect(checkSignature({ signerName: ' 张三 ', signerRole: '董事长', agreed: true })).toEqual({
      ok: true,
      value: { signerName: '张三', signerRole: '董事长' },
    });
  });

  it('names every missing field in Chinese at once', () => {
    const r = checkSignature({ signerName: '  ', signerRole: '', agreed: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual([
      '法定代表人或主要负责人姓名',
      '职务',
      '本单位已阅读并承诺遵守上述承诺内容',
    ]);
    expect(r.issues[0]?.message).toBe('法定代表人或主要负责人姓名不能为空');
    expect(r.issues[2]?.message).toContain('须勾选');
  });
});
