import { describe, expect, it } from 'vitest';
import { validate } from '../../../domain/validation.ts';
import {
  calendarPath,
  cyclePath,
  loadCalendarRequest,
  openCycleRequest,
  recordActRequest,
} from '../../../functions/cycles/contracts.ts';

describe('the cycles API’s request contracts', () => {
  it('open: kind and year are each named, in Chinese', () => {
    expect(validate(openCycleRequest, { kind: 'firm', year: 1999 })).toEqual({
      ok: false,
      issues: [
        { path: 'kind', message: '评价周期类型须为 enterprise、agency 或 practitioner' },
        { path: 'year', message: '评价年度须为2000至2999之间的整数' },
      ],
    });
    expect(validate(openCycleRequest, { kind: 'agency', year: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'year' }],
    });
    expect(validate(openCycleRequest, { kind: 'agency', year: 2025 })).toEqual({
      ok: true,
      value: { kind: 'agency', year: 2025 },
    });
  });

  it('an act: unknown acts, leagues and case ids are named', () => {
    const r = validate(recordActRequest, { act: 'nonsense', league: '159999', caseId: 'a b' });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['act', 'league', 'caseId']);
    expect(r.ok ? '' : r.issues[0]!.message).toContain('未知的程序行为');
    expect(validate(recordActRequest, { act: 'objectionReceived', league: '150100', caseId: 'OBJ-1' }).ok).toBe(true);
  });

  it('paths: a year of four digits and a cycle kind', () => {
    expect(validate(cyclePath, { year: '20x5', kind: 'agency' })).toEqual({
      ok: false,
      issues: [{ path: 'year', message: '年度须为四位数字' }],
    });
    expect(validate(calendarPath, { year: '2027' }).ok).toBe(true);
  });

  it('a calendar is one year’s arrangement or the wrapped file format; anything else is refused', () => {
    const year = { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] };
    expect(validate(loadCalendarRequest, year).ok).toBe(true);
    expect(validate(loadCalendarRequest, { years: { '2027': year } }).ok).toBe(true);
    expect(validate(loadCalendarRequest, { holidays: 'none' }).ok).toBe(false);
    expect(validate(loadCalendarRequest, { holidays: [{ date: '2027-02-30', name: 'x' }], workdays: [] }).ok).toBe(
      false,
    );
  });
});
