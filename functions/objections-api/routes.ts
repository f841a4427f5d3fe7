import type * as z from 'zod/mini';
import { parseObjectionId } from '../../domain/objections/objection.ts';
import { cyclePath } from '../cycles/cyclePath.ts';
import type { ListObjections } from '../objections/listObjections.ts';
import type { ReadObjection } from '../objections/readObjection.ts';
import type { ReviewObjection } from '../objections/reviewObjection.ts';
import { OBJECTIONS_WORDING } from '../objections/wording.ts';
import { json, refusalResponse, respond } from '../shared/http.ts';
import { authorize } from '../shared/policy.ts';
import { type RouteTable, routeOf, status } from '../shared/routeTable.ts';
import { objectionListQuery, objectionPath, type ReviewObjectionRequest, reviewObjectionRequest } from './contracts.ts';

export interface ObjectionsApiUseCases {
  readonly list: Pick<ListObjections, 'execute'>;
  readonly read: Pick<ReadObjection, 'execute'>;
  readonly review: Pick<ReviewObjection, 'execute'>;
}

const route = routeOf<ObjectionsApiUseCases>();

const NOT_FOUND_OBJECTION = refusalResponse({ status: 'notFound' }, OBJECTIONS_WORDING);

/** Does the objection id belong to the cycle the path names (its subject's kind is the cycle's)? */
const ofCycle = (p: z.infer<typeof objectionPath>): boolean => {
  const id = parseObjectionId(p.objectionId);
  return id !== null && id.year === Number(p.year) && id.subject.kind === p.kind;
};

/**
 * Each bureau route of the objections API (docs/api.md §13) with its contracts and the action its
 * caller's role needs; jurisdiction (which league) is the use cases'. The handler parses the path and
 * query, authorises the role, parses the body, then runs the route. A participant's objection is
 * filed through `functions/objection-filing-api`, a function of its own.
 */
export const OBJECTION_ROUTES: RouteTable<ObjectionsApiUseCases> = {
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
        await uc.list.execute(r.caller, league),
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
        ? respond(await uc.read.execute(r.caller, r.path.objectionId), status(200), OBJECTIONS_WORDING)
        : NOT_FOUND_OBJECTION,
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
      return respond(await uc.review.execute(r.caller, r.path.objectionId, reviews), status(200), OBJECTIONS_WORDING);
    },
  }),
};
