import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../domain/identifiers/uscc.ts';
import {
  checkParticipantEntry,
  checkParticipantList,
  columnName,
  HEADER_COLUMNS,
  type ListRow,
  parseBasis,
  parseCategories,
  parseLeague,
  parseSites,
} from '../../../domain/participants/importList.ts';
import { residentId, uscc } from '../../support/builders.ts';

const enterpriseRow = (row: number, n: number, over: Partial<Record<string, string>> = {}): ListRow => ({
  row,
  cells: {
    code: uscc(n, '150600'),
    name: `企业${n}`,
    league: '鄂尔多斯市',
    basis: '（一）',
    sites: 'P1:60%；P2:40%',
    ...over,
  },
});
const agencyRow = (row: number, n: number, over: Partial<Record<string, string>> = {}): ListRow => ({
  row,
  cells: {
    code: uscc(n, '150600'),
    name: `机构${n}`,
    league: '150600',
    basis: '6.5',
    categories: '环评服务机构',
    ...over,
  },
});

describe('a list of participants (Art 6, 16(1), 17(1))', () => {
  it('accepts a valid enterprise list with sites and shares in hundredths of a percent', () => {
    const r = checkParticipantList('enterprise', '150600', [enterpriseRow(3, 1), enterpriseRow(4, 2, { sites: '' })]);
    expect(r).toEqual({
      ok: true,
      entries: [
        {
          kind: 'enterprise',
          code: uscc(1, '150600'),
          name: '企业1',
          league: '150600',
          basis: '6.1',
          sites: [
            { siteId: 'P1', shareBp: 6000 },
            { siteId: 'P2', shareBp: 4000 },
          ],
          categories: [],
        },
        expect.objectContaining({ code: uscc(2, '150600'), sites: [] }),
      ],
    });
  });

  it('reports every bad row at once, with its row, column and reason', () => {
    const badCheck = `${uscc(5, '150600').slice(0, 17)}${uscc(5, '150600')[17] === '0' ? '1' : '0'}`;
    const r = checkParticipantList('enterprise', '150600', [
      enterpriseRow(3, 1),
      enterpriseRow(4, 5, { code: badCheck, sites: 'P1:60%；P2:30%' }),
      enterpriseRow(5, 6, { league: '上海市', basis: '（十）' }),
      enterpriseRow(6, 1),
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { row: 4, column: '统一社会信用代码', reason: '统一社会信用代码校验码错误（GB 32100-2015）' },
      { row: 4, column: '厂址及产量占比', reason: '各厂址产量占比之和为90%，应为100%' },
      { row: 5, column: '所属盟市', reason: '未知的盟市“上海市”，应为自治区12个盟市之一' },
      { row: 5, column: '纳入依据', reason: '未知的纳入依据“（十）”，应为第六条（一）至（八）之一' },
      { row: 6, column: '统一社会信用代码', reason: '与第3行的统一社会信用代码重复' },
    ]);
  });

  it('refuses a row of another league, a basis of another kind and unknown agency categories', () => {
    const r = checkParticipantList('agency', '150600', [
      agencyRow(3, 1, { league: '包头市' }),
      agencyRow(4, 2, { basis: '（一）' }),
      agencyRow(5, 3, { categories: '保洁服务' }),
      agencyRow(6, 4, { categories: '' }),
    ]);
    expect(r.ok ? [] : r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '所属盟市'],
      [4, '纳入依据'],
      [5, '服务类别'],
      [6, '服务类别'],
    ]);
  });

  it('refuses an empty file', () => {
    expect(checkParticipantList('agency', '150600', [])).toEqual({
      ok: false,
      problems: [{ row: null, column: null, reason: '文件中没有名单行' }],
    });
  });

  it('checks one entry added by hand as a row', () => {
    expect(checkParticipantEntry('agency', '150600', agencyRow(1, 9).cells).ok).toBe(true);
    expect(checkParticipantEntry('agency', '150600', { ...agencyRow(1, 9).cells, name: '' })).toEqual({
      ok: false,
      problems: [{ row: 1, column: '名称', reason: '不能为空' }],
    });
  });

  it('reads the article items, leagues, shares and categories as bureaus write them', () => {
    expect(['6.3', '（三）', '(三)', '三', '第六条（三）', '实施强制性清洁生产审核的单位'].map(parseBasis)).toEqual(
      Array(6).fill('6.3'),
    );
    expect(parseBasis('（九）')).toBeNull();
    expect([parseLeague('150100'), parseLeague('兴安盟'), parseLeague('150000')]).toEqual(['150100', '152200', null]);
    expect(parseSites('A:33.33%;B：33.33；C:33.34%')).toEqual({
      sites: [
        { siteId: 'A', shareBp: 3333 },
        { siteId: 'B', shareBp: 3333 },
        { siteId: 'C', shareBp: 3334 },
      ],
    });
    expect(parseSites('A:101%')).toHaveProperty('problem');
    expect(parseSites('A:50%;A:50%')).toEqual({ problem: '厂址编号重复：A' });
    expect(parseCategories('eia，环境监测服务机构')).toEqual({ categories: ['eia', 'monitoring'] });
    expect(parseCategories('eia;环评服务机构')).toEqual({ problem: '服务类别重复：环评服务机构' });
  });
});

const shares = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 });
const bpText = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

describe('a list of participants: properties', () => {
  it('accepts the sites exactly when their shares sum to 100%', () => {
    fc.assert(
      fc.property(shares, (bps) => {
        const r = parseSites(bps.map((bp, i) => `S${i}:${bpText(bp)}`).join('；'));
        const sum = bps.reduce((a, b) => a + b, 0);
        expect('sites' in r).toBe(sum === 10_000);
      }),
    );
  });

  it('reports one problem per broken cell, and stores nothing unless there is none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ badCode: fc.boolean(), badLeague: fc.boolean(), badBasis: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        (flaws) => {
          const rows = flaws.map((f, i) => {
            const code = uscc(i + 1, '150600');
            const wrong = usccCheckCharacter(code.slice(0, 17)) === 'A' ? 'B' : 'A';
            return enterpriseRow(i + 3, i + 1, {
              ...(f.badCode ? { code: code.slice(0, 17) + wrong } : {}),
              ...(f.badLeague ? { league: '未知盟' } : {}),
              ...(f.badBasis ? { basis: '第十条' } : {}),
            });
          });
          const r = checkParticipantList('enterprise', '150600', rows);
          const expected = flaws.reduce((n, f) => n + Number(f.badCode) + Number(f.badLeague) + Number(f.badBasis), 0);
          if (expected === 0) expect(r.ok && r.entries.length).toBe(rows.length);
          else {
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.problems).toHaveLength(expected);
              expect(r.problems.every((p) => p.row !== null && p.row >= 3)).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('reports a repeated code on every repetition after the first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 15 }), (ns) => {
        const r = checkParticipantList(
          'agency',
          '150600',
          ns.map((n, i) => agencyRow(i + 3, n)),
        );
        const repeats = ns.length - new Set(ns).size;
        expect(r.ok ? 0 : r.problems.length).toBe(repeats);
      }),
    );
  });
});

const practitionerRow = (row: number, n: number, over: Partial<Record<string, string>> = {}): ListRow => ({
  row,
  cells: {
    code: residentId(n),
    name: `从业人员${n}`,
    league: '150600',
    basis: '（六）',
    employer: uscc(90, '150600'),
    employerKind: '第三方服务机构',
    ...over,
  },
});

describe('a list of practitioners (Art 6(6), 18(1))', () => {
  it('takes each person with a resident identity number and the employer that filed it', () => {
    const r = checkParticipantList('practitioner', '150600', [
      practitionerRow(3, 1),
      practitionerRow(4, 2, { employerKind: 'enterprise', basis: '6.8' }),
    ]);
    expect(r).toEqual({
      ok: true,
      entries: [
        expect.objectContaining({
          code: residentId(1),
          basis: '6.6',
          employer: { kind: 'agency', code: uscc(90, '150600') },
        }),
        expect.objectContaining({
          code: residentId(2),
          basis: '6.8',
          employer: { kind: 'enterprise', code: uscc(90, '150600') },
        }),
      ],
    });
    if (r.ok) expect(r.entries.every((e) => e.sites.length === 0 && e.categories.length === 0)).toBe(true);
  });

  it('names the person’s columns as a person’s in every problem, all at once', () => {
    const bad = residentId(3).slice(0, 17) + (residentId(3)[17] === '0' ? '1' : '0');
    const r = checkParticipantList('practitioner', '150600', [
      practitionerRow(3, 3, { code: bad }),
      practitionerRow(4, 4, { basis: '（一）', employer: '123', employerKind: '个人' }),
      practitionerRow(5, 5),
      practitionerRow(6, 5),
    ]);
    expect(r.ok ? [] : r.problems).toEqual([
      { row: 3, column: '公民身份号码', reason: '公民身份号码校验码错误（GB 11643）' },
      { row: 4, column: '纳入依据', reason: '第六条（一）不适用于相关从业人员' },
      { row: 4, column: '用人单位统一社会信用代码', reason: expect.stringContaining('统一社会信用代码') },
      { row: 4, column: '用人单位类型', reason: '未知的用人单位类型“个人”，应为企事业单位或第三方服务机构' },
      { row: 6, column: '公民身份号码', reason: '与第5行的公民身份号码重复' },
    ]);
  });

  it('reads a sheet by the headers of any kind of template, the units’ unchanged', () => {
    expect(columnName('practitioner', 'code')).toBe('公民身份号码');
    expect(columnName('enterprise', 'code')).toBe('统一社会信用代码');
    expect(columnName('agency', 'name')).toBe('名称');
    expect(HEADER_COLUMNS.get('公民身份号码')).toBe('code');
    expect(HEADER_COLUMNS.get('统一社会信用代码')).toBe('code');
    expect(HEADER_COLUMNS.get('用人单位统一社会信用代码')).toBe('employer');
  });

  it('refuses every practitioner row that lacks its employer, whatever else it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('employer', 'employerKind'), (n, missing) => {
        const r = checkParticipantList('practitioner', '150600', [practitionerRow(3, n, { [missing]: '' })]);
        expect(r.ok ? [] : r.problems).toEqual([
          { row: 3, column: columnName('practitioner', missing as 'employer'), reason: '不能为空' },
        ]);
      }),
    );
  });
});
