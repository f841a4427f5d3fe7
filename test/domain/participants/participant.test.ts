import { describe, expect, it } from 'vitest';
import {
  BASES_OF_KIND,
  basisText,
  INCLUSION_BASIS_CODES,
  sameEntry,
  shareText,
} from '../../../domain/participants/participant.ts';

describe('the bases of inclusion (Art 6)', () => {
  it('are the article items (一) to (八), cited with their wording', () => {
    expect(INCLUSION_BASIS_CODES).toHaveLength(8);
    expect(basisText('6.2')).toBe('第六条（二）纳入《环境监管重点单位名录》的单位');
    expect(BASES_OF_KIND.agency).toContain('6.5');
    expect(BASES_OF_KIND.enterprise).not.toContain('6.5');
  });
  it('compares entries by content and writes shares as percents', () => {
    const e = {
      kind: 'agency',
      code: 'X',
      name: '甲',
      league: '150600',
      basis: '6.5',
      sites: [],
      categories: ['eia'],
    } as const;
    expect(sameEntry(e, { ...e })).toBe(true);
    expect(sameEntry(e, { ...e, name: '乙' })).toBe(false);
    expect(shareText(3333)).toBe('33.33%');
  });
});
