import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkParticipantEntry } from '../../../domain/participants/importList.ts';
import { subjectOfEntry } from '../../../domain/participants/listedSubject.ts';
import type { ParticipantEntry } from '../../../domain/participants/participant.ts';
import { subjectSchema } from '../../../domain/subjects/subject.ts';
import { validate } from '../../../domain/validation.ts';
import { residentId, uscc } from '../../support/builders.ts';

const entryOf = (kind: ParticipantEntry['kind'], cells: Record<string, string>): ParticipantEntry => {
  const r = checkParticipantEntry(kind, '150600', cells);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.entry;
};

/** Shares in hundredths of a percent that sum to the whole, written as the template writes them. */
const sharesSummingToWhole = fc
  .array(fc.integer({ min: 1, max: 2_000 }), { minLength: 1, maxLength: 5 })
  .map((parts) => [...parts, 10_000 - parts.reduce((a, b) => a + b, 0)])
  .filter((bps) => bps.every((bp) => bp > 0));
const percentText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

describe('the subject a list entry names (Art 16(1), 17(1), 18(1))', () => {
  it('is a valid registration for every kind, with the list’s data', () => {
    const agency = subjectOfEntry(
      entryOf('agency', { code: uscc(3, '150600'), name: '机构3', league: '150600', basis: '6.5', categories: 'eia' }),
    );
    expect(agency).toEqual({
      kind: 'agency',
      id: uscc(3, '150600'),
      name: '机构3',
      league: '150600',
      categories: ['eia'],
    });
    const person = subjectOfEntry(
      entryOf('practitioner', {
        code: residentId(4),
        name: '张三',
        league: '150600',
        basis: '（六）',
        employer: uscc(90, '150600'),
        employerKind: '第三方服务机构',
      }),
    );
    expect(person).toEqual({
      kind: 'practitioner',
      id: residentId(4),
      name: '张三',
      league: '150600',
      employer: { kind: 'agency', id: uscc(90, '150600') },
    });
    for (const s of [agency, person]) expect(validate(subjectSchema, s).ok).toBe(true);
  });

  it('keeps an enterprise’s output shares exactly (I9), and passes the subject’s own checks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999 }), sharesSummingToWhole, (n, bps) => {
        const entry = entryOf('enterprise', {
          code: uscc(n, '150600'),
          name: `企业${n}`,
          league: '150600',
          basis: '（一）',
          sites: bps.map((bp, i) => `P${i + 1}:${percentText(bp)}`).join('；'),
        });
        const subject = subjectOfEntry(entry);
        expect(validate(subjectSchema, subject).ok).toBe(true);
        if (subject.kind !== 'enterprise') throw new Error('kind');
        expect(subject.sites?.map((s) => Math.round((s.outputShare ?? 0) * 10_000))).toEqual(bps);
        expect(subject.sites?.map((s) => s.siteId)).toEqual(entry.sites.map((s) => s.siteId));
      }),
    );
  });
});
