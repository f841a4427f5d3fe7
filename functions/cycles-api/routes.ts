import * as z from 'zod/mini';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ListRow } from '../../domain/participants/importList.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import { maskResidentId } from '../../domain/participants/practitionerFiling.ts';
import {
  CYCLES_WORDING,
  calendarPath,
  cyclePath,
  loadCalendarRequest,
  openCycleRequest,
  recordActRequest,
} from '../cycles/contracts.ts';
import type { LoadCalendar } from '../cycles/loadCalendar.ts';
import type { OpenCycle } from '../cycles/openCycle.ts';
import type { ReadCycle } from '../cycles/readCycle.ts';
import type { RecordAct } from '../cycles/recordAct.ts';
import { type ImportListRequest, importListRequest, participantListPath, rowIssue } from '../participants/contracts.ts';
import type { ParticipantLists } from '../participants/participantLists.ts';
import type { StaffClaims } from '../ports/identity.ts';
import type { ParticipantListRef } from '../ports/participants.ts';
import type { Caller } from '../shared/auth.ts';
import { type HttpResponse, json, refusalResponse, respond } from '../shared/http.ts';
import { type Action, authorize } from '../shared/policy.ts';

export interface CyclesApiUseCases {
  readonly participantLists: Pick<ParticipantLists, 'read' | 'importList'>;
  readonly openCycle: Pick<OpenCycle, 'execute'>;
  readonly readCycle: Pick<ReadCycle, 'execute'>;
  readonly recordAct: Pick<RecordAct, 'execute'>;
  readonly loadCalendar: Pick<LoadCalendar, 'execute'>;
}

/** A request parsed with its route's contracts and authorised for the route's action by the caller's role. */
interface Parsed<P, B> {
  readonly caller: Caller;
  readonly claims: StaffClaims;
  readonly path: P;
  readonly body: B;
  readonly why: string | null;
}

interface Route<P extends z.ZodMiniType, B extends z.ZodMiniType> {
  readonly action: Action;
  readonly path: P;
  /** The body's contract; a route without a body reads none. */
  readonly body: B | null;
  run(uc: CyclesApiUseCases, r: Parsed<z.infer<P>, z.infer<B>>): Promise<HttpResponse>;
}

/** The list a path names. */
const listOf = (p: z.infer<typeof participantListPath>): ParticipantListRef => ({
  year: Number(p.year),
  kind: p.kind,
  league: p.league as LeagueCode,
});

/** The cells a row gives (an absent cell is an empty one, as in the workbook). */
const withoutAbsent = (cells: ImportListRequest['rows'][number]): ListRow['cells'] =>
  Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)) as ListRow['cells'];

/** A practitioner's resident ID in full only to its league's bureau; the region sees it masked (Art 18(6)). */
const shownEntry = (e: ParticipantEntry, claims: StaffClaims): ParticipantEntry =>
  e.kind === 'practitioner' && claims.role !== 'league' ? { ...e, code: maskResidentId(e.code) } : e;

const LIST_WORDING = { forbidden: '只能查看和修改本盟市的参评名单', notFound: '未找到该参评名单' };

const route = <P extends z.ZodMiniType, B extends z.ZodMiniType>(r: Route<P, B>): Route<z.ZodMiniType, z.ZodMiniType> =>
  r as Route<z.ZodMiniType, z.ZodMiniType>;
const status = (code: number) => (value: unknown) => json(code, value);

/**
 * Each route of the cycles API (docs/api.md §6) with its contracts and the action it needs. The
 * handler parses the path, authorises the role, parses the body, then runs the route.
 */
export const CYCLES_ROUTES: Readonly<Record<string, Route<z.ZodMiniType, z.ZodMiniType>>> = {
  'POST /v1/cycles': route({
    action: 'cycle.open',
    path: z.object({}),
    body: openCycleRequest,
    run: async (uc, r) => respond(await uc.openCycle.execute(r.claims, r.body), status(201), CYCLES_WORDING),
  }),
  'GET /v1/cycles/{year}/{kind}': route({
    action: 'cycle.read',
    path: cyclePath,
    body: null,
    run: async (uc, r) =>
      respond(await uc.readCycle.execute(Number(r.path.year), r.path.kind), status(200), CYCLES_WORDING),
  }),
  'POST /v1/cycles/{year}/{kind}/acts': route({
    action: 'cycle.act',
    path: cyclePath,
    body: recordActRequest,
    run: async (uc, r) => {
      // Which role an act needs is known once the body is read (ACT_ROLES, Art 8).
      const may = authorize(r.caller, 'cycle.act', r.body);
      if (!may.ok) return refusalResponse(may.refusal, CYCLES_WORDING);
      return respond(
        await uc.recordAct.execute(may.claims, { year: Number(r.path.year), kind: r.path.kind }, r.body, r.why),
        status(200),
        CYCLES_WORDING,
      );
    },
  }),
  'GET /v1/cycles/{year}/{kind}/participants/{league}': route({
    action: 'participants.manage',
    path: participantListPath,
    body: null,
    run: async (uc, r) => {
      const list = listOf(r.path);
      return respond(
        await uc.participantLists.read(r.caller, list),
        (v) => json(200, { ...list, confirmed: v.confirmed, entries: v.entries.map((e) => shownEntry(e, r.claims)) }),
        LIST_WORDING,
      );
    },
  }),
  'POST /v1/cycles/{year}/{kind}/participants/{league}': route({
    action: 'participants.manage',
    path: participantListPath,
    body: importListRequest,
    run: async (uc, r) => {
      const rows = (r.body as ImportListRequest).rows.map((cells, i) => ({ row: i + 1, cells: withoutAbsent(cells) }));
      const out = await uc.participantLists.importList(r.caller, listOf(r.path), rows, r.why ?? '');
      if (out.status === 'rejected')
        return json(422, { error: '参评名单有误，未导入任何一行', issues: out.problems.map(rowIssue) });
      return respond(out, status(200), LIST_WORDING);
    },
  }),
  'PUT /v1/calendars/{year}': route({
    action: 'calendar.load',
    path: calendarPath,
    body: loadCalendarRequest,
    run: async (uc, r) =>
      respond(await uc.loadCalendar.execute(r.claims, Number(r.path.year), r.body), status(200), CYCLES_WORDING),
  }),
};
