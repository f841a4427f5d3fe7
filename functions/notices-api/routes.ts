import * as z from 'zod/mini';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import type { ListMyNotices } from '../notices/listMyNotices.ts';
import type { ReadNotice } from '../notices/readNotice.ts';
import { selfOfClaims } from '../objections/fileObjection.ts';
import { json, type RefusalWording, refusalResponse, respond } from '../shared/http.ts';
import { type RouteTable, routeOf, status } from '../shared/routeTable.ts';
import { issuedNoticesPath, issuedNoticesQuery, noticePath } from './contracts.ts';

export interface NoticesApiUseCases {
  readonly mine: Pick<ListMyNotices, 'execute'>;
  readonly read: Pick<ReadNotice, 'execute'>;
  readonly issued: Pick<ListIssuedNotices, 'execute'>;
}

const route = routeOf<NoticesApiUseCases>();

export const NOTICES_WORDING: RefusalWording = {
  forbidden: '只能查看本单位收到的通知，或本局发出的通知',
  notFound: '未找到该通知',
};

/**
 * Each route of the notices API (docs/api.md §13) with its contracts and the action its caller's
 * role needs; whose notices (which unit, which bureau) is the use cases'. The handler parses the path
 * and query, authorises the role, then runs the route.
 */
export const NOTICE_ROUTES: RouteTable<NoticesApiUseCases> = {
  'GET /v1/notices': route({
    action: 'participant.own',
    path: z.object({}),
    query: null,
    body: null,
    run: async (uc, r) => {
      const self = selfOfClaims(r.claims);
      if (!self) return refusalResponse({ status: 'forbidden' }, NOTICES_WORDING);
      return respond(await uc.mine.execute(r.caller, self), (v) => json(200, { notices: v }), NOTICES_WORDING);
    },
  }),
  'GET /v1/notices/{noticeId}': route({
    action: 'participant.own',
    path: noticePath,
    query: null,
    body: null,
    // Opening a notice records its first reading (已读), as the portal does; later readings change nothing.
    run: async (uc, r) => {
      const self = selfOfClaims(r.claims);
      if (!self) return refusalResponse({ status: 'forbidden' }, NOTICES_WORDING);
      return respond(await uc.read.execute(r.caller, self, r.path.noticeId), status(200), NOTICES_WORDING);
    },
  }),
  'GET /v1/leagues/{league}/notices': route({
    action: 'participants.manage',
    path: issuedNoticesPath,
    query: issuedNoticesQuery,
    body: null,
    run: async (uc, r) => {
      const league = r.path.league as LeagueCode;
      return respond(
        await uc.issued.execute(r.caller, league, {
          cursor: r.query.cursor ?? null,
          ...(r.query.limit ? { limit: Number(r.query.limit) } : {}),
        }),
        (v) => json(200, { league, notices: v.notices, cursor: v.cursor }),
        NOTICES_WORDING,
      );
    },
  }),
};
