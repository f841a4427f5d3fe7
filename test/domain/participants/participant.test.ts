import { describe, expect, it } from 'vitest';
import {
  BASES_OF_KIND,
  basisText,
  canonical,
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

describe('practitioners on a list (Art 6(6), 18(1))', () => {
  it('come in on items (六), (七) and (八) only, which no unit kind has as its own', () => {
    expect(BASES_OF_KIND.practitioner).toEqual(['6.6', '6.7', '6.8']);
    expect(BASES_OF_KIND.enterprise).not.toContain('6.6');
    expect(BASES_OF_KIND.agency).not.toContain('6.6');
  });
  it('keep their employer; units’ entries keep the shape they were stored with', () => {
    const unit = {
      kind: 'agency',
      code: 'X',
      name: '甲',
      league: '150600',
      basis: '6.5',
      sites: [],
      categories: ['eia'],
    } as const;
    expect(Object.keys(canonical(unit))).not.toContain('employer');
    const person = {
      kind: 'practitioner',
      code: 'P',
      name: '张三',
      league: '150600',
      basis: '6.6',
      sites: [],
      categories: [],
      employer: { kind: 'agency', code: 'X' },
    } as const;
    expect(canonical(person).employer).toEqual({ kind: 'agency', code: 'X' });
    expect(sameEntry(person, { ...person, employer: { kind: 'agency', code: 'Y' } })).toBe(false);
  });
});
