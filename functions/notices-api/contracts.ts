import * as z from 'zod/mini';
import { isJurisdictionCode } from '../../domain/identifiers/leagues.ts';
import { described } from '../shared/http.ts';

/**
 * The request contracts of the notices API (docs/api.md §13): a participant's own notices and the
 * notices a bureau issued. The handler parses every path and query with these; `functions/openapi`
 * describes the routes from the same schemas.
 */

/** `{noticeId}` of one of the caller's notices. */
export const noticePath = z.object({
  noticeId: described(
    z.string().check(z.regex(/^[A-Za-z0-9._:@-]{1,200}$/, { error: '通知编号须为1至200位字母、数字或 . _ : @ -' })),
    { description: '通知编号', example: 'warning-WARN-150600-20260901-3f2a9c1d0b4e' },
  ),
});

/** `{league}` of `/v1/leagues/{league}/notices`: a league, or 150000 for the region's own notices. */
export const issuedNoticesPath = z.object({
  league: described(
    z.string().check(z.refine(isJurisdictionCode, { error: '盟市代码须为12个盟市之一或自治区（150000）' })),
    { description: '发出通知的生态环境局（盟市代码，自治区为 150000）', example: '150600' },
  ),
});

/** `?cursor=&limit=` of a bureau's issued notices. */
export const issuedNoticesQuery = z.object({
  cursor: z.optional(
    described(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/, { error: '分页游标无效' })), {
      description: '上一页返回的 cursor',
      example: 'MjAyNi0wNC0wMVQwMjowMDowMFoj',
    }),
  ),
  limit: z.optional(
    described(z.string().check(z.regex(/^(?:[1-9]|[1-9]\d|100)$/, { error: '每页条数须为1至100的整数' })), {
      description: '每页条数（1至100，默认50）',
      example: '50',
    }),
  ),
});
