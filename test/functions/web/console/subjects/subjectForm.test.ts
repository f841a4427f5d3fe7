import { describe, expect, it } from 'vitest';
import {
  bodyOfValues,
  emptyValues,
  valuesOfForm,
  valuesOfSubject,
} from '../../../../../functions/web/console/subjects/subjectForm.ts';
import { AGENCY_ID, agency, enterprise, practitioner } from '../../../../support/builders.ts';

/** The registration form's fields and the body they make for the registration use case. */
describe('the registration form', () => {
  it('turns site rows into sites with output shares in per cent, skipping empty rows', () => {
    const v = valuesOfForm(
      'enterprise',
      'X',
      {
        name: ' 甲公司 ',
        league: '150600',
        siteId0: 'S-1',
        siteName0: '一厂',
        share0: '62.5',
        siteId1: '',
        siteName1: '',
        share1: '',
        siteId2: 'S-2',
        share2: '37.5',
        version: '4',
        why: '增加厂址',
      },
      {},
    );
    const { body, issues } = bodyOfValues(v);
    expect(issues).toEqual([]);
    expect(body).toEqual({
      name: '甲公司',
      league: '150600',
      sites: [
        { siteId: 'S-1', name: '一厂', outputShare: 0.625 },
        { siteId: 'S-2', name: null, outputShare: 0.375 },
      ],
      suspended: null,
      reportedLate: false,
    });
    expect(v.version).toBe(4);
    expect(v.why).toBe('增加厂址');
  });

  it('names the row of a share that is not a per cent, and a version that is not a number', () => {
    const v = valuesOfForm('enterprise', 'X', { siteId0: 'S-1', share0: '120', version: 'abc' }, {});
    expect(bodyOfValues(v).issues).toEqual([
      { path: 'version', message: '表单版本无效，请重新打开编辑页面' },
      { path: 'sites[0].outputShare', message: '产量占比须为0到100之间的数字（%）' },
    ]);
  });

  it('keeps what an edit does not show as fields: suspension and late reporting (I15, Art 32)', () => {
    const stored = enterprise({
      sites: [{ siteId: 'S-1', name: null, outputShare: 1 / 3 }],
      suspended: { reason: '立案侦查' },
      reportedLate: true,
    });
    const v = valuesOfSubject(stored, 2);
    expect(v.sites[0]!.share).toBe('33.3333');
    expect(bodyOfValues(v).body).toMatchObject({ suspended: { reason: '立案侦查' }, reportedLate: true });
  });

  it('takes an agency’s categories and a practitioner’s employer', () => {
    const a = valuesOfForm('agency', 'A', { name: '乙机构', league: '150200' }, { categories: ['eia', 'monitoring'] });
    expect(bodyOfValues(a).body).toMatchObject({ categories: ['eia', 'monitoring'] });
    expect(bodyOfValues(valuesOfSubject(agency(), 1)).body).toMatchObject({ categories: ['monitoring'] });
    const p = valuesOfSubject(practitioner(3), 1);
    expect(bodyOfValues(p).body).toMatchObject({
      name: null,
      league: null,
      employer: { kind: 'agency', id: AGENCY_ID },
    });
    const none = emptyValues('practitioner', '');
    expect(bodyOfValues(none).body).toMatchObject({ employer: null, league: null });
    const bad = { ...none, employerKind: 'robot', employerId: 'x' };
    expect(bodyOfValues(bad).issues).toEqual([
      { path: 'employer.kind', message: '工作单位类型须为企事业单位或第三方服务机构' },
    ]);
  });
});
