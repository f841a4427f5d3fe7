import { CYCLES_WORDING, cyclePath, openCycleRequest, recordActRequest } from '../../../cycles/contracts.ts';
import { notStuckWording, stuckEventPath } from '../../../ingest-stuck/contracts.ts';
import { parseWith } from '../../../shared/http.ts';
import { authorize } from '../../../shared/policy.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext, WebRoute } from '../../router.ts';
import { ErrorNotice } from '../../ui/refusal.tsx';
import { calendarsPage, loadCalendarPage } from './calendars.tsx';
import { cyclePage } from './cycle.tsx';
import { dashboardPage } from './dashboard.tsx';
import { stuckPage } from './stuck.tsx';

type Ctx = PageContext<WebDeps>;

/** A refused act or opening, in the API's words (Art 8: whose act it is). */
const notYours = (ctx: Ctx) => ctx.render('无权办理', ErrorNotice({ text: CYCLES_WORDING.forbidden }), 403);

/** `POST /console/cycles/{year}/{kind}/acts`: records an act, back to the cycle with what it did. */
const recordAct = async (ctx: Ctx) => {
  const path = parseWith(cyclePath, ctx.params);
  if (path.status !== 'ok') return ctx.refuse(path);
  const f = ctx.req.form;
  const body = parseWith(recordActRequest, {
    act: f.act,
    ...(f.league ? { league: f.league } : {}),
    ...(f.caseId ? { caseId: f.caseId.trim() } : {}),
  });
  if (body.status !== 'ok') return ctx.refuse(body);
  const may = authorize(ctx.caller, 'cycle.act', body.value);
  if (!may.ok) return may.refusal.status === 'forbidden' ? notYours(ctx) : ctx.refuse(may.refusal);
  const { year, kind } = path.value;
  const r = await ctx.deps.console.cycleConsole.recordAct.execute(
    may.claims,
    { year: Number(year), kind },
    body.value,
    null,
  );
  if (r.status === 'notFound') return ctx.refuse(r, CYCLES_WORDING.notFound);
  if (r.status !== 'ok') return ctx.refuse(r);
  const league = body.value.league ?? '';
  return redirect(
    `/console/cycles/${year}/${kind}?recorded=${body.value.act}${league ? `&league=${league}` : ''}#${league ? `league-${league}` : 'region'}`,
  );
};

/** `POST /console/cycles` (the region, Art 8): opens a cycle, then shows it. */
const openCycle = async (ctx: Ctx) => {
  const may = authorize(ctx.caller, 'cycle.open');
  if (!may.ok) return may.refusal.status === 'forbidden' ? notYours(ctx) : ctx.refuse(may.refusal);
  const year = (ctx.req.form.year ?? '').trim();
  const body = parseWith(openCycleRequest, {
    kind: ctx.req.form.kind,
    year: /^\d{1,6}$/.test(year) ? Number(year) : year,
  });
  if (body.status !== 'ok') return ctx.refuse(body);
  const r = await ctx.deps.console.cycleConsole.openCycle.execute(may.claims, body.value);
  if (r.status !== 'ok') return ctx.refuse(r);
  return redirect(`/console/cycles/${body.value.year}/${body.value.kind}`);
};

/** `POST /console/stuck/{eventId}/redrive`: sends a set-aside record again, back to the list. */
const redrive = async (ctx: Ctx) => {
  const path = parseWith(stuckEventPath, ctx.params);
  if (path.status !== 'ok') return ctx.refuse(path);
  const { eventId } = path.value;
  const r = await ctx.deps.console.cycleConsole.redriveStuck.execute(ctx.caller, eventId);
  if (r.status === 'notFound')
    return ctx.render('未找到', ErrorNotice({ text: notStuckWording(eventId).notFound }), 404);
  if (r.status !== 'ok') return ctx.refuse(r);
  return redirect(`/console/stuck?redriven=${encodeURIComponent(eventId)}&n=${r.value.messages}`);
};

/** `GET /console/cycles/{year}/{kind}`: a bad year or kind is a 400 naming it, never a 500. */
const showCycle = async (ctx: Ctx) => {
  const path = parseWith(cyclePath, ctx.params);
  if (path.status !== 'ok') return ctx.refuse(path);
  return cyclePage(ctx, Number(path.value.year), path.value.kind);
};

/** The dashboard, the cycles and their acts, calendars, records set aside by ingestion. */
export const cycleConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console', access: 'bureau', handle: dashboardPage },
  { method: 'POST', path: '/console/cycles', access: 'bureau', handle: openCycle },
  { method: 'GET', path: '/console/cycles/{year}/{kind}', access: 'bureau', handle: showCycle },
  { method: 'POST', path: '/console/cycles/{year}/{kind}/acts', access: 'bureau', handle: recordAct },
  { method: 'GET', path: '/console/calendars', access: 'bureau', handle: calendarsPage },
  { method: 'POST', path: '/console/calendars', access: 'bureau', handle: loadCalendarPage },
  { method: 'GET', path: '/console/stuck', access: 'bureau', handle: stuckPage },
  { method: 'POST', path: '/console/stuck/{eventId}/redrive', access: 'bureau', handle: redrive },
];
