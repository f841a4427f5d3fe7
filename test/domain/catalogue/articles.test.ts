import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleName, chineseNumeral } from '../../../domain/catalogue/articles.ts';
import { CATALOGUE } from '../../../domain/catalogue/catalogue.ts';

describe('article references in the regulation’s Chinese', () => {
  it.each([
    ['Annex 1', '附件1'],
    ['Annex 2', '附件2'],
    ['Art 14(2)', '第十四条第二项'],
    ['Art 24(1)', '第二十四条第一项'],
    ['Art 23 ¶2', '第二十三条第二款'],
    ['Art 19', '第十九条'],
    ['Art 33(3)', '第三十三条第三项'],
    ['Art 10', '第十条'],
  ])('%s → %s', (code, name) => {
    expect(articleName(code)).toBe(name);
  });

  it('names every article of the catalogue in Chinese', () => {
    for (const rule of CATALOGUE) expect(rule.articleName).toMatch(/^(附件\d|第.+条)/);
  });

  it('writes 1-99 as the regulation numbers its articles (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const s = chineseNumeral(n);
        expect(s).toMatch(/^[一二三四五六七八九十]+$/);
        expect(s.startsWith('一十')).toBe(false);
      }),
    );
  });
});
