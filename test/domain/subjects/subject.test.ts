import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, MAX_REASON_LENGTH, MAX_SITES } from '../../../domain/records/bounds.ts';
import { subjectKey, subjectSchema } from '../../../domain/subjects/subject.ts';
import { validate } from '../../../domain/validation.ts';
import { AGENCY_ID, ENTERPRISE_ID, residentId } from '../../support/builders.ts';

const pathsOf = (input: unknown) => {
  const r = validate(subjectSchema, input, 'subject');
  return r.ok ? [] : r.issues.map((i) => i.path);
};

describe('subject registration (Art 6, 16-18)', () => {
  it('accepts an enterprise with sites and output shares', () => {
    expect(
      pathsOf({
        kind: 'enterprise',
        id: ENTERPRISE_ID,
        name: '甲公司',
        league: '150100',
        sites: [
          { siteId: 'P1', outputShare: 0.6 },
          { siteId: 'P2', outputShare: 0.4 },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses an output share outside 0..1 and a site twice', () => {
    expect(
      pathsOf({
        kind: 'enterprise',
        id: ENTERPRISE_ID,
        name: '甲',
        league: '150100',
        sites: [{ siteId: 'P1', outputShare: 1.2 }],
      }),
    ).toEqual(['subject.sites[0].outputShare']);
    expect(
      pathsOf({
        kind: 'enterprise',
        id: ENTERPRISE_ID,
        name: '甲',
        league: '150100',
        sites: [{ siteId: 'P1' }, { siteId: 'P1' }],
      }),
    ).toEqual(['subject.sites[1].siteId']);
  });

  it('requires at least one Annex 2 category of an agency', () => {
    expect(pathsOf({ kind: 'agency', id: AGENCY_ID, name: '乙', league: '150200', categories: [] })).toEqual([
      'subject.categories',
    ]);
    expect(pathsOf({ kind: 'agency', id: AGENCY_ID, name: '乙', league: '150200', categories: ['cleaning'] })).toEqual([
      'subject.categories[0]',
    ]);
  });

  it('checks a practitioner’s ID and the employer’s code', () => {
    expect(pathsOf({ kind: 'practitioner', id: residentId(7), employer: { kind: 'agency', id: AGENCY_ID } })).toEqual(
      [],
    );
    expect(
      pathsOf({ kind: 'practitioner', id: residentId(7), employer: { kind: 'agency', id: '91150200MA0P12345K' } }),
    ).toEqual(['subject.employer.id']);
  });

  it('I15: a suspension needs a reason', () => {
    expect(
      pathsOf({
        kind: 'agency',
        id: AGENCY_ID,
        name: '乙',
        league: '150200',
        categories: ['eia'],
        suspended: { reason: '' },
      }),
    ).toEqual(['subject.suspended.reason']);
  });

  it('keys subjects by kind and id', () => {
    expect(subjectKey({ kind: 'agency', id: AGENCY_ID })).toBe(`agency:${AGENCY_ID}`);
  });
});

describe('subject bounds and every problem at once', () => {
  it('bounds the sites, the names and the suspension reason', () => {
    const sites = Array.from({ length: MAX_SITES + 1 }, (_, i) => ({ siteId: `P${i}` }));
    expect(pathsOf({ kind: 'enterprise', id: ENTERPRISE_ID, name: '甲', league: '150100', sites })).toEqual([
      'subject.sites',
    ]);
    expect(
      pathsOf({ kind: 'enterprise', id: ENTERPRISE_ID, name: '甲'.repeat(MAX_NAME_LENGTH + 1), league: '150100' }),
    ).toEqual(['subject.name']);
    expect(
      pathsOf({
        kind: 'enterprise',
        id: ENTERPRISE_ID,
        name: '甲',
        league: '150100',
        suspended: { reason: '因'.repeat(MAX_REASON_LENGTH + 1) },
      }),
    ).toEqual(['subject.suspended.reason']);
    expect(
      pathsOf({
        kind: 'enterprise',
        id: ENTERPRISE_ID,
        name: '甲',
        league: '150100',
        suspended: { reason: '因'.repeat(MAX_REASON_LENGTH) },
      }),
    ).toEqual([]);
  });

  it('reports a bad identifier beside a bad field', () => {
    expect(pathsOf({ kind: 'enterprise', id: '91150100MA0N000001', name: 3, league: '150100' }).sort()).toEqual([
      'subject.id',
      'subject.name',
    ]);
  });
});
