import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOfficialCalendar } from '../../../domain/calendar/officialCalendar.ts';
import { officialWorkingCalendar } from '../../../domain/calendar/workingCalendar.ts';
import { applyCalendar } from '../../../domain/cycles/calendarReload.ts';
import {
  type Cycle,
  type Effect,
  openAlerts,
  openCycle,
  scheduledDeadlines,
  stageOf,
  type Trigger,
  transition,
} from '../../../domain/cycles/cycle.ts';
import type { LeagueCode } from '../../../domain/identifiers/leagues.ts';

const cal = officialWorkingCalendar();
const L1: LeagueCode = '150100';
const L2: LeagueCode = '150600';
const at = (date: string, time = '10:00:00') => new Date(`${date}T${time}+08:00`).toISOString();

/** Applies a trigger that must succeed. */
const step = (cycle: Cycle, trigger: Trigger, now: string): { cycle: Cycle; effects: readonly Effect[] } => {
  const r = transition(cycle, trigger, now, cal);
  if (!r.ok) throw new Error(`${JSON.stringify(trigger)} refused: ${r.refusal.code} ${r.refusal.message}`);
  return r;
};
const act = (
  cycle: Cycle,
  a: Trigger & { type: 'act' } extends infer T ? Omit<T & { type: 'act' }, 'type'> : never,
  date: string,
) => step(cycle, { type: 'act', ...a }, at(date)).cycle;
const deadline = (cycle: Cycle, id: string) => cycle.deadlines.find((d) => d.id === id)!;
/** Fires a scheduled deadline at its instant. */
const fire = (cycle: Cycle, id: string) => {
  const d = deadline(cycle, id);
  return step(cycle, { type: 'deadline', deadlineId: id, at: d.at }, d.at);
};

describe('the enterprise cycle (Art 16, 20)', () => {
  const opened = openCycle('enterprise', 2025, at('2026-01-05'), cal, [L1, L2]);

  it('opens with every league in LISTING and the fixed dates scheduled', () => {
    expect(stageOf(opened.cycle, L1)).toBe('LISTING');
    const ids = scheduledDeadlines(opened.cycle)
      .map((d) => `${d.id} ${d.on} ${d.article}`)
      .sort();
    expect(ids).toEqual([
      'GRADING.end@150100 2026-04-30 Art 16(2)',
      'GRADING.end@150600 2026-04-30 Art 16(2)',
      'LISTING.end@150100 2026-01-31 Art 16(1)',
      'LISTING.end@150600 2026-01-31 Art 16(1)',
      'PUBLICITY.start 2026-05-31 Art 16(3)',
      'PUBLISHED.start 2026-06-30 Art 16(5)',
    ]);
    expect(deadline(opened.cycle, 'LISTING.end@150100').at).toBe('2026-01-31T15:59:59.000Z');
  });

  it('reaches every stage by its triggers, in order, to PUSHED', () => {
    let c = opened.cycle;
    for (const league of [L1, L2]) {
      c = act(c, { act: 'listConfirmed', league }, '2026-01-20');
      expect(stageOf(c, league)).toBe('FILING');
      c = act(c, { act: 'participantsNotified', league }, '2026-01-21');
      // Art 20: 20 working days after the notice of 2026-01-21, across the Spring Festival (02-14 worked).
      expect(deadline(c, `FILING.end@${league}`)).toMatchObject({
        on: '2026-02-25',
        type: 'window',
        article: 'Art 20',
        provisional: false,
      });
      c = fire(c, `FILING.end@${league}`).cycle;
      expect(stageOf(c, league)).toBe('GRADING');
    }
    expect(stageOf(c, null)).toBeNull();
    c = act(c, { act: 'reportSent', league: L1 }, '2026-04-20');
    expect(stageOf(c, null)).toBeNull();
    const handover = step(c, { type: 'act', act: 'reportSent', league: L2 }, at('2026-04-21'));
    c = handover.cycle;
    expect(stageOf(c, null)).toBe('QUALITY_CHECK');
    expect(handover.effects).toContainEqual({ type: 'stageChanged', league: null, from: null, to: 'QUALITY_CHECK' });
    c = act(c, { act: 'regionReleased' }, '2026-05-10');
    expect(stageOf(c, null)).toBe('PUBLICITY');
    c = act(c, { act: 'publicityOpened' }, '2026-05-20');
    // Art 16(3): publicity lasts 7 working days.
    expect(deadline(c, 'PUBLICITY.end')).toMatchObject({ on: '2026-05-29', type: 'window', article: 'Art 16(3)' });
    expect(deadline(c, 'PUBLICITY.start').status).toBe('cancelled');
    c = fire(c, 'PUBLICITY.end').cycle;
    expect(stageOf(c, null)).toBe('REVIEW');
    expect(transition(c, { type: 'act', act: 'published' }, at('2026-06-10'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'REQUIRES_ACT' },
    });
    c = act(c, { act: 'reviewConfirmed' }, '2026-06-10');
    c = act(c, { act: 'published' }, '2026-06-15');
    expect(stageOf(c, null)).toBe('PUBLISHED');
    expect(deadline(c, 'PUBLISHED.start').status).toBe('cancelled');
    c = act(c, { act: 'platformAcknowledged' }, '2026-06-16');
    expect(stageOf(c, null)).toBe('PUSHED');
    expect(scheduledDeadlines(c)).toEqual([]);
    expect(openAlerts(c)).toEqual([]);
    expect(transition(c, { type: 'act', act: 'platformAcknowledged' }, at('2026-06-17'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'CYCLE_FINISHED' },
    });
  });

  it('Art 16(1): a fixed date passing with the list unconfirmed raises an overdue alert and moves nothing', () => {
    const r = fire(opened.cycle, 'LISTING.end@150100');
    expect(stageOf(r.cycle, L1)).toBe('LISTING');
    const alert = r.effects.find((e) => e.type === 'overdueAlert');
    expect(alert).toMatchObject({
      alert: { responsible: L1, limitOn: '2026-01-31', article: 'Art 16(1)', status: 'open' },
      overdueByWorkingDays: 0,
    });
    expect(r.effects.some((e) => e.type === 'stageChanged')).toBe(false);
    // Confirming the list later resolves the alert.
    const late = step(r.cycle, { type: 'act', act: 'listConfirmed', league: L1 }, at('2026-02-04'));
    expect(openAlerts(late.cycle)).toEqual([]);
    expect(late.effects).toContainEqual({ type: 'alertResolved', alertId: 'LISTING.end@150100:overdue' });
  });

  it('a late-delivered fixed date counts the working days overdue', () => {
    const d = deadline(opened.cycle, 'LISTING.end@150100');
    const r = step(opened.cycle, { type: 'deadline', deadlineId: d.id, at: d.at }, at('2026-02-05'));
    expect(r.effects.find((e) => e.type === 'overdueAlert')).toMatchObject({ overdueByWorkingDays: 4 });
  });
});

describe('safe to deliver twice or late', () => {
  const { cycle } = openCycle('agency', 2025, at('2026-03-02'), cal, [L1]);

  it('a deadline delivered twice changes nothing the second time', () => {
    const once = fire(cycle, 'LISTING.end@150100').cycle;
    const d = deadline(cycle, 'LISTING.end@150100');
    expect(transition(once, { type: 'deadline', deadlineId: d.id, at: d.at }, d.at, cal)).toMatchObject({
      ok: false,
      cycle: once,
      refusal: { code: 'DEADLINE_NOT_SCHEDULED' },
    });
  });

  it('a deadline delivered after its step was done (cancelled) changes nothing', () => {
    const done = act(cycle, { act: 'listConfirmed', league: L1 }, '2026-03-20');
    const d = deadline(cycle, 'LISTING.end@150100');
    expect(transition(done, { type: 'deadline', deadlineId: d.id, at: d.at }, d.at, cal)).toMatchObject({
      ok: false,
      refusal: { code: 'DEADLINE_NOT_SCHEDULED' },
    });
  });

  it('a deadline delivered early or for another instant changes nothing', () => {
    const d = deadline(cycle, 'LISTING.end@150100');
    expect(transition(cycle, { type: 'deadline', deadlineId: d.id, at: d.at }, at('2026-03-30'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_DUE' },
    });
    expect(
      transition(cycle, { type: 'deadline', deadlineId: d.id, at: '2026-03-01T15:59:59.000Z' }, d.at, cal),
    ).toMatchObject({ ok: false, refusal: { code: 'STALE_DEADLINE' } });
    expect(transition(cycle, { type: 'deadline', deadlineId: 'NOPE', at: d.at }, d.at, cal)).toMatchObject({
      ok: false,
      refusal: { code: 'UNKNOWN_DEADLINE' },
    });
  });

  it('an act twice, or in the wrong stage, or for a league outside the cycle changes nothing and says why', () => {
    const listed = act(cycle, { act: 'listConfirmed', league: L1 }, '2026-03-20');
    expect(transition(listed, { type: 'act', act: 'listConfirmed', league: L1 }, at('2026-03-21'), cal)).toMatchObject({
      ok: false,
      cycle: listed,
      refusal: { code: 'WRONG_STAGE', message: expect.stringContaining('参评单位填报') },
    });
    expect(transition(cycle, { type: 'act', act: 'reportSent', league: L1 }, at('2026-03-21'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'WRONG_STAGE' },
    });
    expect(transition(cycle, { type: 'act', act: 'listConfirmed', league: L2 }, at('2026-03-21'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'UNKNOWN_LEAGUE' },
    });
    expect(transition(cycle, { type: 'act', act: 'listConfirmed' }, at('2026-03-21'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'LEAGUE_REQUIRED' },
    });
    expect(transition(cycle, { type: 'act', act: 'publicityOpened' }, at('2026-03-21'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'LEAGUES_NOT_DONE' },
    });
    const notified = act(listed, { act: 'participantsNotified', league: L1 }, '2026-03-23');
    expect(
      transition(notified, { type: 'act', act: 'participantsNotified', league: L1 }, at('2026-03-24'), cal),
    ).toMatchObject({ ok: false, refusal: { code: 'ALREADY_DONE' } });
  });

  it('never changes the cycle it was given', () => {
    const frozen = JSON.stringify(cycle);
    act(cycle, { act: 'listConfirmed', league: L1 }, '2026-03-20');
    expect(JSON.stringify(cycle)).toBe(frozen);
  });
});

describe('the agency cycle (Art 17, 20)', () => {
  it('reaches every stage, with supplement, confirmation and objections', () => {
    const opened = openCycle('agency', 2025, at('2026-03-02'), cal, [L1]);
    // Feasibility: opened on 2026-03-02, the sequence already overruns 04-30 (docs/timeline.md).
    const risk = opened.effects.find((e) => e.type === 'atRisk');
    expect(risk && risk.type === 'atRisk' && risk.deadlines.map((d) => d.id)).toContain('REPORTED.end');
    let c = act(opened.cycle, { act: 'listConfirmed', league: L1 }, '2026-03-31');
    c = act(c, { act: 'participantsNotified', league: L1 }, '2026-03-31');
    expect(deadline(c, 'FILING.end@150100')).toMatchObject({ on: '2026-04-29', article: 'Art 20' });
    c = fire(c, 'FILING.end@150100').cycle;
    expect(stageOf(c, L1)).toBe('SUPPLEMENT');
    // Art 17(2): 10 working days after filing ends.
    expect(deadline(c, 'SUPPLEMENT.end@150100')).toMatchObject({
      on: '2026-05-15',
      type: 'fixed',
      article: 'Art 17(2)',
    });
    c = act(c, { act: 'supplementDone', league: L1 }, '2026-05-12');
    expect(deadline(c, 'SUPPLEMENT.end@150100').status).toBe('cancelled');
    expect(stageOf(c, L1)).toBe('CONFIRMATION');
    expect(
      transition(c, { type: 'act', act: 'objectionReceived', league: L1, caseId: 'OBJ-1' }, at('2026-05-12'), cal),
    ).toMatchObject({ ok: false, refusal: { code: 'WINDOW_NOT_OPEN' } });
    c = act(c, { act: 'confirmationNotified', league: L1 }, '2026-05-13');
    // Art 17(3): objections within 5 working days of the notice.
    expect(deadline(c, 'CONFIRMATION.end@150100')).toMatchObject({
      on: '2026-05-20',
      type: 'window',
      article: 'Art 17(3)',
    });
    c = act(c, { act: 'objectionReceived', league: L1, caseId: 'OBJ-1' }, '2026-05-15');
    // Art 17(3): each objection reviewed within 10 working days of receipt.
    expect(deadline(c, 'OBJECTION.review@150100#OBJ-1')).toMatchObject({
      on: '2026-05-29',
      type: 'fixed',
      article: 'Art 17(3)',
    });
    c = fire(c, 'CONFIRMATION.end@150100').cycle;
    expect(stageOf(c, L1)).toBe('REPORTED');
    expect(
      transition(c, { type: 'act', act: 'objectionReceived', league: L1, caseId: 'OBJ-2' }, at('2026-05-21'), cal),
    ).toMatchObject({ ok: false, refusal: { code: 'WRONG_STAGE' } });
    expect(transition(c, { type: 'act', act: 'reportSent', league: L1 }, at('2026-05-21'), cal)).toMatchObject({
      ok: false,
      refusal: { code: 'OBJECTIONS_OPEN' },
    });
    // The review runs late: an alert to the league bureau.
    const late = fire(c, 'OBJECTION.review@150100#OBJ-1');
    expect(late.effects.find((e) => e.type === 'overdueAlert')).toMatchObject({
      alert: { responsible: L1, stage: 'OBJECTION', article: 'Art 17(3)' },
    });
    c = act(late.cycle, { act: 'objectionReviewed', league: L1, caseId: 'OBJ-1' }, '2026-06-01');
    expect(openAlerts(c).map((a) => a.id)).toEqual([]);
    // Art 17(3): reported by 04-30 — already passed, so an alert is open until the report is sent.
    c = fire(c, 'REPORTED.end@150100').cycle;
    expect(openAlerts(c).map((a) => a.deadlineId)).toEqual(['REPORTED.end@150100']);
    c = act(c, { act: 'reportSent', league: L1 }, '2026-06-02');
    expect(openAlerts(c)).toEqual([]);
    expect(stageOf(c, null)).toBe('PUBLICITY');
    c = fire(c, 'PUBLICITY.start').cycle; // 05-20 passed unopened (Art 17(4))
    expect(openAlerts(c).map((a) => a.deadlineId)).toEqual(['PUBLICITY.start']);
    c = act(c, { act: 'publicityOpened' }, '2026-06-03');
    expect(deadline(c, 'PUBLICITY.end')).toMatchObject({ on: '2026-06-12', article: 'Art 17(4)' });
    c = fire(c, 'PUBLICITY.end').cycle;
    c = act(c, { act: 'reviewConfirmed' }, '2026-06-15');
    c = fire(c, 'PUBLISHED.start').cycle; // 06-05 (Art 17(7)) long passed
    c = act(c, { act: 'published' }, '2026-06-16');
    expect(stageOf(c, null)).toBe('PUBLISHED');
    c = act(c, { act: 'platformAcknowledged' }, '2026-06-17');
    expect(stageOf(c, null)).toBe('PUSHED');
    expect(openAlerts(c)).toEqual([]);
    expect(scheduledDeadlines(c)).toEqual([]);
  });

  it('Art 17(2): a supplement not done within 10 working days raises an alert', () => {
    let c = openCycle('agency', 2025, at('2026-03-02'), cal, [L1]).cycle;
    c = act(c, { act: 'listConfirmed', league: L1 }, '2026-03-10');
    c = act(c, { act: 'participantsNotified', league: L1 }, '2026-03-10');
    c = fire(c, 'FILING.end@150100').cycle;
    const r = fire(c, 'SUPPLEMENT.end@150100');
    expect(stageOf(r.cycle, L1)).toBe('SUPPLEMENT');
    expect(openAlerts(r.cycle).map((a) => a.article)).toEqual(['Art 17(2)']);
  });
});

describe('the practitioner cycle (Art 18)', () => {
  it('reaches every stage to NOTIFIED, with 5-working-day objection reviews', () => {
    let c = openCycle('practitioner', 2025, at('2026-03-02'), cal, [L1]).cycle;
    expect(deadline(c, 'LISTING.end@150100')).toMatchObject({ on: '2026-03-31', article: 'Art 18(1)' });
    expect(deadline(c, 'NOTIFIED.start')).toMatchObject({ on: '2026-05-30', article: 'Art 18(6)' });
    c = act(c, { act: 'listConfirmed', league: L1 }, '2026-03-20');
    expect(stageOf(c, L1)).toBe('SUPPLEMENT');
    // Art 18(2): 10 working days after the buyers' filing.
    expect(deadline(c, 'SUPPLEMENT.end@150100')).toMatchObject({ on: '2026-04-03', article: 'Art 18(2)' });
    c = act(c, { act: 'supplementDone', league: L1 }, '2026-04-01');
    c = act(c, { act: 'confirmationNotified', league: L1 }, '2026-04-01');
    expect(deadline(c, 'CONFIRMATION.end@150100')).toMatchObject({ on: '2026-04-09', article: 'Art 18(4)' });
    c = act(c, { act: 'objectionReceived', league: L1, caseId: 'P-1' }, '2026-04-02');
    expect(deadline(c, 'OBJECTION.review@150100#P-1')).toMatchObject({ on: '2026-04-10', article: 'Art 18(4)' });
    c = act(c, { act: 'objectionReviewed', league: L1, caseId: 'P-1' }, '2026-04-08');
    c = fire(c, 'CONFIRMATION.end@150100').cycle;
    expect(stageOf(c, L1)).toBe('REPORTED');
    expect(deadline(c, 'REPORTED.end@150100')).toMatchObject({ on: '2026-04-30', article: 'Art 18(4)' });
    c = act(c, { act: 'reportSent', league: L1 }, '2026-04-20');
    expect(stageOf(c, null)).toBe('REVIEW');
    c = act(c, { act: 'reviewConfirmed' }, '2026-05-10');
    c = act(c, { act: 'resultsNotified' }, '2026-05-20');
    expect(stageOf(c, null)).toBe('NOTIFIED');
    expect(scheduledDeadlines(c)).toEqual([]);
  });
});

describe('I11: loading a calendar later', () => {
  it('moves exactly the provisional working-day deadlines, and nothing else', () => {
    const loaded = parseOfficialCalendar(
      JSON.parse(readFileSync(new URL('../../fixtures/calendar-2027-test.json', import.meta.url), 'utf8')),
    );
    if (!loaded.ok) throw new Error('fixture');
    // Agency cycle of 2026, evaluated in 2027: the filing window is counted over 2027 (no official calendar).
    let c = openCycle('agency', 2026, at('2027-01-04'), cal, [L1, L2]).cycle;
    c = act(c, { act: 'listConfirmed', league: L1 }, '2027-01-25');
    c = act(c, { act: 'participantsNotified', league: L1 }, '2027-01-25');
    c = act(c, { act: 'listConfirmed', league: L2 }, '2027-03-01');
    c = act(c, { act: 'participantsNotified', league: L2 }, '2027-03-01');
    expect(deadline(c, 'FILING.end@150100')).toMatchObject({ on: '2027-02-22', provisional: true });
    expect(deadline(c, 'FILING.end@150600')).toMatchObject({ on: '2027-03-29', provisional: true });
    const r = applyCalendar(c, officialWorkingCalendar(loaded.value));
    // Five Spring Festival weekdays off, one Saturday worked: 02-22 → 02-26; March has no holiday,
    // so that window keeps its date and only loses its provisional mark.
    expect(r.moved).toEqual([{ id: 'FILING.end@150100', from: '2027-02-22', to: '2027-02-26', provisional: false }]);
    expect(deadline(r.cycle, 'FILING.end@150100')).toMatchObject({
      on: '2027-02-26',
      at: '2027-02-26T15:59:59.000Z',
      provisional: false,
    });
    expect(deadline(r.cycle, 'FILING.end@150600')).toMatchObject({ on: '2027-03-29', provisional: false });
    expect(deadline(r.cycle, 'LISTING.end@150600')).toEqual(deadline(c, 'LISTING.end@150600'));
    expect(r.effects.map((e) => e.type === 'scheduleDeadline' && e.deadline.id)).toEqual([
      'FILING.end@150100',
      'FILING.end@150600',
    ]);
    // The old schedule's delivery is now stale.
    const old = deadline(c, 'FILING.end@150100');
    expect(transition(r.cycle, { type: 'deadline', deadlineId: old.id, at: old.at }, old.at, cal)).toMatchObject({
      ok: false,
      refusal: { code: 'STALE_DEADLINE' },
    });
  });
});
