import * as z from 'zod/mini';
import { ACTS } from '../../domain/cycles/definitions.ts';
import { isLegalDate } from '../../domain/dates.ts';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import { described } from '../shared/http.ts';
import { cycleKind, cyclePath, yearPath } from './cyclePath.ts';

/**
 * The request contracts of the cycles API (docs/api.md §6): the handler parses every path parameter,
 * header and body with these, and `functions/openapi` describes the API from the same schemas.
 * Messages are the Chinese the API has always answered, each naming its field.
 */

/** Kept apart (`cyclePath.ts`) for the routes under a cycle that need none of the cycles' bodies. */
export { cycleKind, cyclePath, yearPath };

/** `{year}` of `/v1/calendars/{year}`. */
export const calendarPath = z.object({ year: yearPath });

const yearMessage = { error: '评价年度须为2000至2999之间的整数' };

/** `POST /v1/cycles`: opens the cycle of an evaluation year (Art 16-18). */
export const openCycleRequest = described(
  z.object({
    kind: cycleKind,
    year: z.int(yearMessage).check(z.gte(2000, yearMessage), z.lte(2999, yearMessage)),
  }),
  { id: 'OpenCycleRequest', description: '开启一个评价周期', example: { kind: 'agency', year: 2025 } },
);
export type OpenCycleRequest = z.infer<typeof openCycleRequest>;

/** `POST /v1/cycles/{year}/{kind}/acts`: an act of Art 16-18, by the role the regulation gives it. */
export const recordActRequest = described(
  z.object({
    act: z.enum(ACTS, { error: `未知的程序行为，可用：${ACTS.join('、')}` }),
    league: z.optional(
      z
        .string({ error: '盟市代码须为12个盟市之一' })
        .check(z.refine(isLeagueCode, { error: '盟市代码须为12个盟市之一' })),
    ),
    caseId: z.optional(
      z
        .string({ error: '异议编号须为1至64位字母、数字或 . _ : -' })
        .check(z.regex(/^[A-Za-z0-9._:-]{1,64}$/, { error: '异议编号须为1至64位字母、数字或 . _ : -' })),
    ),
  }),
  {
    id: 'RecordActRequest',
    description: '记录一项程序行为（《暂行办法》第十六至十八条）',
    example: { act: 'listConfirmed', league: '150100' },
  },
);
export type RecordActRequest = z.infer<typeof recordActRequest>;

const calendarDay = z.object({
  date: z
    .string({ error: '日期须为 YYYY-MM-DD 格式' })
    .check(z.refine(isLegalDate, { error: '不是有效的日历日期（YYYY-MM-DD）' })),
  name: z.string({ error: '名称须为字符串' }),
});
const yearArrangement = z.object({
  holidays: z.array(calendarDay, { error: 'holidays 须为数组' }),
  workdays: z.array(calendarDay, { error: 'workdays 须为数组' }),
});

/**
 * `PUT /v1/calendars/{year}`: the State Council's arrangement of one year, as
 * `{"holidays": […], "workdays": […]}` or wrapped as in `cn-holidays-2024-2026.json`
 * (`{"years": {"2027": {…}}}`). The rules between dates (a date both holiday and working day, a
 * date outside its year) are the domain's (`parseOfficialCalendar`).
 */
export const loadCalendarRequest = described(
  z.union(
    [
      z.object({
        years: z.record(z.string(), yearArrangement),
        source_notes: z.optional(z.record(z.string(), z.unknown())),
      }),
      yearArrangement,
    ],
    {
      error: '请求体须为 {"holidays": […], "workdays": […]} 或 {"years": {"<年份>": {…}}}',
    },
  ),
  {
    id: 'LoadCalendarRequest',
    description: '载入一年的国务院节假日安排',
    example: { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-02-07', name: '春节调休' }] },
  },
);
export type LoadCalendarRequest = z.infer<typeof loadCalendarRequest>;

/** The optional `x-reason` header: percent-encoded UTF-8, kept in the audit entry (docs/authorization.md). */
export const reasonHeader = described(z.optional(z.string()), {
  description: '理由（百分号编码的 UTF-8 文本，至多 500 字，记入审计）',
  example: '%E5%B9%B4%E5%BA%A6%E6%A0%B8%E6%9F%A5',
});

/** What the cycle routes and pages say for 403 and 404 (the rest of the wording is shared). */
export const CYCLES_WORDING = {
  forbidden: '该程序行为不属于您的职责（《暂行办法》第八条、第十六至十八条）',
  notFound: '未找到该评价周期',
};
