import * as z from 'zod/mini';
import { WARNING_STATUS_NAMES } from '../../domain/warnings/warning.ts';
import { selfOfClaims } from '../objections/fileObjection.ts';
import { json, type RefusalWording, respond } from '../shared/http.ts';
import { type RouteTable, routeOf, status } from '../shared/routeTable.ts';
import type { DecideWarning } from '../warnings/decideWarning.ts';
import type { IssueWarning } from '../warnings/issueWarning.ts';
import type { ListWarnings } from '../warnings/listWarnings.ts';
import type { ReadWarning } from '../warnings/readWarning.ts';
import type { ReportRectification } from '../warnings/reportRectification.ts';
import type { WarningView } from '../warnings/warningPorts.ts';
import { issueWarningRequest, reportRectificationRequest, warningDecisionRequest, warningPath } from './contracts.ts';

export interface WarningsApiUseCases {
  readonly list: Pick<ListWarnings, 'ofLeague' | 'ofUnit'>;
  readonly read: Pick<ReadWarning, 'execute'>;
  readonly issue: Pick<IssueWarning, 'execute'>;
  readonly report: Pick<ReportRectification, 'execute'>;
  readonly decide: Pick<DecideWarning, 'execute'>;
}

const route = routeOf<WarningsApiUseCases>();

export const WARNINGS_WORDING: RefusalWording = {
  forbidden: '信用预警由盟市生态环境局对本盟市单位下达和确认，整改情况由被预警单位本身报告',
  notFound: '未找到该信用预警',
};

/** A warning as the API shows it: its document with the status as of today (`expired` once the deadline passed, I8). */
const shownWarning = (v: WarningView) => ({
  ...v.doc,
  status: v.status,
  statusName: WARNING_STATUS_NAMES[v.status],
  workingDaysLeft: v.workingDaysLeft,
  wording: v.wording,
  deduction: v.deduction,
});

/**
 * Each route of the credit warnings API (docs/api.md §13, Art 21-22) with its contracts and the
 * action its caller's role needs; jurisdiction (which league, which unit) is the use cases'. The
 * handler parses the path, authorises the role, parses the body, then runs the route.
 */
export const WARNING_ROUTES: RouteTable<WarningsApiUseCases> = {
  'GET /v1/warnings': route({
    action: null,
    path: z.object({}),
    query: null,
    body: null,
    run: async (uc, r) => {
      const self = selfOfClaims(r.claims);
      const out = self ? await uc.list.ofUnit(r.caller, self) : await uc.list.ofLeague(r.caller);
      return respond(
        out,
        (v) => json(200, { ...(v.league ? { league: v.league } : {}), warnings: v.warnings.map(shownWarning) }),
        WARNINGS_WORDING,
      );
    },
  }),
  'GET /v1/warnings/{eventId}': route({
    action: null,
    path: warningPath,
    query: null,
    body: null,
    run: async (uc, r) =>
      respond(await uc.read.execute(r.caller, r.path.eventId), (v) => json(200, shownWarning(v)), WARNINGS_WORDING),
  }),
  'POST /v1/warnings': route({
    action: 'warning.issue',
    path: z.object({}),
    query: null,
    body: issueWarningRequest,
    // The event id is derived from what the warning says: the same warning again is the same id, nothing changed.
    run: async (uc, r) => respond(await uc.issue.execute(r.caller, r.body), status(201), WARNINGS_WORDING),
  }),
  'POST /v1/warnings/{eventId}/rectification': route({
    action: 'warning.report',
    path: warningPath,
    query: null,
    body: reportRectificationRequest,
    run: async (uc, r) =>
      respond(
        await uc.report.execute(r.caller, { ...(r.body as object), eventId: r.path.eventId }),
        status(200),
        WARNINGS_WORDING,
      ),
  }),
  'POST /v1/warnings/{eventId}/decision': route({
    action: 'warning.issue',
    path: warningPath,
    query: null,
    body: warningDecisionRequest,
    run: async (uc, r) =>
      respond(
        await uc.decide.execute(r.caller, { ...(r.body as object), eventId: r.path.eventId }),
        status(200),
        WARNINGS_WORDING,
      ),
  }),
};
