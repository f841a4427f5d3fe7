import { describe, expect, it } from 'vitest';
import { whatText } from '../../../../../functions/web/console/subjects/detailPage.tsx';

const entry = (what: Record<string, unknown>) => ({
  subject: { kind: 'agency' as const, id: 'X' },
  at: '2026-03-02T01:00:00.000Z',
  actor: 'staff:league:150600',
  action: 'subject.registered',
  what,
  why: null,
});

describe('what a subject’s audit entry changed, in words', () => {
  it('names Annex 2 categories by their names, not their codes', () => {
    expect(whatText(entry({ before: null, after: { categories: ['monitoring', 'eia'] } }))).toBe(
      '机构类别：无 → 环境监测服务机构、环评服务机构',
    );
  });

  it('says when a subject was registered from the year’s list of participants (Art 17(1))', () => {
    expect(whatText(entry({ before: null, after: { name: '甲机构' }, from: 'participantList' }))).toBe(
      '依参评名单登记：名称：无 → 甲机构',
    );
  });
});
