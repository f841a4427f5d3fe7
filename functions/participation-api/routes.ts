import * as z from 'zod/mini';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { parseObjectionId } from '../../domain/objections/objection.ts';
import { WARNING_STATUS_NAMES } from '../../domain/warnings/warning.ts';
import { cyclePath } from '../cycles/contracts.ts';
import type { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import type { ListMyNotices } from '../notices/listMyNotices.ts';
import type { ReadNotice } from '../notices/readNotice.ts';
import { type FileObjection, selfOfClaims } from '../objections/fileObjection.ts';
import type { ListObjections } from '../objections/listObjections.ts';
import type { ReadObjection } from '../objections/readObjection.ts';
import type { ReviewObjection } from '../objections/reviewObjection.ts';
import type { StaffClaims } from '../ports/identity.ts';
import type { Caller } from '../shared/auth.ts';
import { type HttpResponse, json, type RefusalWording, refusalResponse, respond } from '../shared/http.ts';
import { type Action, authorize } from '../shared/policy.ts';
import type { DecideWarning } from '../warnings/decideWarning.ts';
import type { IssueWarning } from '../warnings/issueWarning.ts';
import type { ListWarnings } from '../warnings/listWarnings.ts';
import type { ReadWarning } from '../warnings/readWarning.ts';
import type { ReportRectification } from '../warnings/reportRectification.ts';
import type { WarningView } from '../warnings/warningPorts.ts';
import {
  type FileObjectionRequest,
  fileObjectionRequest,
  issuedNoticesPath,
  issuedNoticesQuery,
  issueWarningRequest,
  noticePath,
  objectionListQuery,
  objectionPath,
  type ReviewObjectionRequest,
  reportRectificationRequest,
  reviewObjectionRequest,
  warningDecisionRequest,
  warningPath,
} from './contracts.ts';

export interface ParticipationApiUseCases {
  readonly objections: {
    readonly list: Pick<ListObjections, 'execute'>;
    readonly read: Pick<ReadObjection, 'execute'>;
    readonly file: Pick<FileObjection, 'execute'>;
    readonly review: Pick<ReviewObjection, 'execute'>;
  };
  readonly warnings: {
    readonly list: Pick<ListWarnings, 'ofLeague' | 'ofUnit'>;
    readonly read: Pick<ReadWarning, 'execute'>;
    readonly issue: Pick<IssueWarning, 'execute'>;
    readonly report: Pick<ReportRectification, 'execute'>;
    readonly decide: Pick<DecideWarning, 'execute'>;
  };
  readonly notices: {
    readonly mine: Pick<ListMyNotices, 'execute'>;
    readonly read: Pick<ReadNotice, 'execute'>;
    readonly issued: Pick<ListIssuedNotices, 'execute'>;
  };
}

/** A request parsed with its route's contracts, its caller holding a valid token (and the route's action, if any). */
interface Parsed<P, Q, B> {
  readonly caller: Caller;
  readonly claims: StaffClaims;
  readonly path: P;
  readonly query: Q;
  readonly body: B;
}

interface Route<P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType> {
  /** The action the caller's role must be allowed; null when the route serves bureaus and participants alike. */
  readonly action: Action | null;
  readonly path: P;
  readonly query: Q | null;
  /** The body's contract; a route without a body reads none. */
  readonly body: B | null;
  run(uc: ParticipationApiUseCases, r: Parsed<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<HttpResponse>;
}

type AnyRoute = Route<z.ZodMiniType, z.ZodMiniType, z.ZodMiniType>;
const route = <P extends z.ZodMiniType, Q extends z.ZodMiniType, B extends z.ZodMiniType>(
  r: Route<P, Q, B>,
): AnyRoute => r as unknown as AnyRoute;
const status = (code: number) => (value: unknown) => json(code, value);

export const OBJECTIONS_WORDING: RefusalWording = {
  forbidden: '只能查看和复核本盟市的异议，或只能对本单位的信用信息提出异议',
  notFound: '未找到该异议',
};
export const WARNINGS_WORDING: RefusalWording = {
  forbidden: '信用预警由盟市生态环境局对本盟市单位下达和确认，整改情况由被预警单位本身报告',
  notFound: '未找到该信用预警',
};
export const NOTICES_WORDING: RefusalWording = {
  forbidden: '只能查看本单位收到的通知，或本局发出的通知',
  notFound: '未找到该通知',
};

const NOT_FOUND_OBJECTION = refusalResponse({ status: 'notFound' }, OBJECTIONS_WORDING);

/** Does the objection id belong to the cycle the path names (its subject's kind is the cycle's)? */
const ofCycle = (p: z.infer<typeof objectionPath>): boolean => {
  const id = parseObjectionId(p.objectionId);
  return id !== null && id.year === Number(p.year) && id.subject.kind === p.kind;
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
 * Each route of the participation API (docs/api.md §13) with its contracts and the action its
 * caller's role needs; jurisdiction (which league, which unit) is the use cases'. The handler parses
 * the path and query, authorises the role, parses the body, then runs the route.
 */
export const PARTICIPATION_ROUTES: Readonly<Record<string, AnyRoute>> = {
  'GET /v1/cycles/{year}/{kind}/objections': route({
    action: 'objection.review',
    path: cyclePath,
    query: objectionListQuery,
    body: null,
    run: async (uc, r) => {
      const league = r.query.league;
      if (league !== undefined) {
        const mine = authorize(r.caller, 'objection.review', { league });
        if (!mine.ok) return refusalResponse(mine.refusal, OBJECTIONS_WORDING);
      }
      const year = Number(r.path.year);
      return respond(
        await uc.objections.list.execute(r.caller, league),
        (v) =>
          json(200, {
            year,
            kind: r.path.kind,
            leagues: v.leagues,
            objections: v.objections.filter((o) => o.cycle.year === year && o.cycle.kind === r.path.kind),
          }),
        OBJECTIONS_WORDING,
      );
    },
  }),
  'GET /v1/cycles/{year}/{kind}/objections/{objectionId}': route({
    action: 'objection.review',
    path: objectionPath,
    query: null,
    body: null,
    run: async (uc, r) =>
      ofCycle(r.path)
        ? respond(await uc.objections.read.execute(r.caller, r.path.objectionId), status(200), OBJECTIONS_WORDING)
        : NOT_FOUND_OBJECTION,
  }),
  'POST /v1/cycles/{year}/{kind}/objections': route({
    action: 'objection.file',
    path: cyclePath,
    query: null,
    body: fileObjectionRequest,
    run: async (uc, r) => {
      const b = r.body as FileObjectionRequest;
      const out = await uc.objections.file.execute(
        r.caller,
        { year: Number(r.path.year), kind: r.path.kind },
        { records: b.records, preGrade: b.preGrade ?? false, reasons: b.reasons, evidenceFiles: b.evidenceFiles ?? [] },
      );
      // A new objection is 201; the same objection again is 200 with `filed: false` and nothing changed.
      return respond(out, (v) => json(v.filed ? 201 : 200, v), OBJECTIONS_WORDING);
    },
  }),
  'POST /v1/cycles/{year}/{kind}/objections/{objectionId}/review': route({
    action: 'objection.review',
    path: objectionPath,
    query: null,
    body: reviewObjectionRequest,
    run: async (uc, r) => {
      if (!ofCycle(r.path)) return NOT_FOUND_OBJECTION;
      const reviews = (r.body as ReviewObjectionRequest).reviews.map(({ correction, ...rest }) =>
        correction
          ? {
              ...rest,
              correction: {
                rule: correction.rule,
                occurredOn: correction.occurredOn,
                fineYuan: correction.fineYuan ?? null,
                summary: correction.summary ?? null,
              },
            }
          : rest,
      );
      return respond(
        await uc.objections.review.execute(r.caller, r.path.objectionId, reviews),
        status(200),
        OBJECTIONS_WORDING,
      );
    },
  }),
  'GET /v1/warnings': route({
    action: null,
    path: z.object({}),
    query: null,
    body: null,
    run: async (uc, r) => {
      const self = selfOfClaims(r.claims);
      const out = self ? await uc.warnings.list.ofUnit(r.caller, self) : await uc.warnings.list.ofLeague(r.caller);
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
      respond(
        await uc.warnings.read.execute(r.caller, r.path.eventId),
        (v) => json(200, shownWarning(v)),
        WARNINGS_WORDING,
      ),
  }),
  'POST /v1/warnings': route({
    action: 'warning.issue',
    path: z.object({}),
    query: null,
    body: issueWarningRequest,
    // The event id is derived from what the warning says: the same warning again is the same id, nothing changed.
    run: async (uc, r) => respond(await uc.warnings.issue.execute(r.caller, r.body), status(201), WARNINGS_WORDING),
  }),
  'POST /v1/warnings/{eventId}/rectification': route({
    action: 'warning.report',
    path: warningPath,
    query: null,
    body: reportRectificationRequest,
    run: async (uc, r) =>
      respond(
        await uc.warnings.report.execute(r.caller, { ...(r.body as object), eventId: r.path.eventId }),
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
        await uc.warnings.decide.execute(r.caller, { ...(r.body as object), eventId: r.path.eventId }),
        status(200),
        WARNINGS_WORDING,
      ),
  }),
  'GET /v1/notices': route({
    action: 'participant.own',
    path: z.object({}),
    query: null,
    body: null,
    run: async (uc, r) => {
      const self = selfOfClaims(r.claims);
      if (!self) return refusalResponse({ status: 'forbidden' }, NOTICES_WORDING);
      return respond(await uc.notices.mine.execute(r.caller, self), (v) => json(200, { notices: v }), NOTICES_WORDING);
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
      return respond(await uc.notices.read.execute(r.caller, self, r.path.noticeId), status(200), NOTICES_WORDING);
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
        await uc.notices.issued.execute(r.caller, league, {
          cursor: r.query.cursor ?? null,
          ...(r.query.limit ? { limit: Number(r.query.limit) } : {}),
        }),
        (v) => json(200, { league, notices: v.notices, cursor: v.cursor }),
        NOTICES_WORDING,
      );
    },
  }),
};
