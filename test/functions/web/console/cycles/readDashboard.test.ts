import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCycleStore } from '../../../../../functions/adapters/dynamoCycleStore.ts';
import { LocalScheduler } from '../../../../../functions/adapters/localScheduler.ts';
import { CycleTransitions } from '../../../../../functions/cycles/cycleTransitions.ts';
import { OpenCycle } from '../../../../../functions/cycles/openCycle.ts';
import type { SubjectListing } from '../../../../../functions/ports/consoleLists.ts';
import { AdjustableClock } from '../../../../../functions/shared/clock.ts';
import { ReadDashboard } from '../../../../../functions/web/console/cycles/readDashboard.ts';
import { freshTable } from '../../../../support/table.ts';

/** The bureau's dashboard: open cycles in the caller's jurisdiction, deadlines, alerts, dates at risk, grades. */
let client: DynamoDBClient;
let cycles: DynamoCycleStore;
let transitions: CycleTransitions;
const clock = new AdjustableClock();
// Opened on 2026-03-02: the agency sequence already overruns its 04-30 report date (docs/legal-clock.md),
// and the enterprises' list (due 2026-01-31, Art 16(1)) is overdue at once.
clock.freeze(new Date('2026-03-02T01:00:00Z'));
const region = { type: 'staff' as const, claims: { role: 'region' as const } };
const ordos = { type: 'staff' as const, claims: { role: 'league' as const, league: '150600' } };

/** Live grades of 2026 by league, as the index keys give them. */
const grades: Pick<SubjectListing, 'gradesOf'> = {
  gradesOf: async (year, league) =>
    new Map(
      year !== 2026
        ? []
        : league === '150600'
          ? [
              ['enterprise:E1', 'A'],
              ['enterprise:E2', 'C'],
              ['enterprise:E3', 'NONE'],
              ['agency:A1', 'B'],
              ['practitioner:P1', 'DISHONEST'],
            ]
          : league === '150100'
            ? [['enterprise:E4', 'D']]
            : [],
    ),
};

beforeAll(async () => {
  const fresh = await freshTable('dashboard');
  client = fresh.client;
  cycles = new DynamoCycleStore(client, fresh.table);
  transitions = new CycleTransitions(cycles, new LocalScheduler(), clock);
  const open = new OpenCycle(cycles, transitions);
  await open.execute({ role: 'region' }, { kind: 'agency', year: 2025 });
  await open.execute({ role: 'region' }, { kind: 'enterprise', year: 2025 });
});
afterAll(() => client?.destroy());

const dashboard = () => new ReadDashboard(cycles, transitions, grades);

describe('the dashboard', () => {
  it('a league bureau sees only its own league: progress, deadlines, alerts and grades', async () => {
    const r = await dashboard().execute(ordos);
    if (r.status !== 'ok') throw new Error(r.status);
    const d = r.value;
    expect(d.today).toBe('2026-03-02');
    expect(d.cycles.map((c) => `${c.year} ${c.kind}`)).toEqual(['2025 agency', '2025 enterprise']);
    for (const c of d.cycles) {
      expect(c.progress.map((p) => p.league)).toEqual(['150600']);
      expect(c.deadlines.every((x) => x.league === null || x.league === '150600')).toBe(true);
      expect(c.alerts.every((a) => a.league === '150600')).toBe(true);
    }
    expect(d.grades.byKind.map((k) => k.kind)).toEqual(['enterprise', 'agency']);
    expect(d.grades.byKind[0]!.rows).toEqual([{ league: '150600', counts: { A: 1, C: 1, NONE: 1 } }]);
    expect(d.mayOpen).toBe(false);
    expect(d.mayLoadCalendar).toBe(false);
  });

  it('the region sees every league and may open cycles and load calendars', async () => {
    const r = await dashboard().execute(region);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.cycles[0]!.progress).toHaveLength(12);
    expect(r.value.grades.byKind[0]!.rows.find((row) => row.league === '150100')!.counts).toEqual({ D: 1 });
    expect(r.value.mayOpen && r.value.mayLoadCalendar).toBe(true);
  });

  it('a fixed date passed with its step undone is an overdue alert, counted in working days (Art 16(1))', async () => {
    const r = await dashboard().execute(ordos);
    if (r.status !== 'ok') throw new Error(r.status);
    const enterprise = r.value.cycles.find((c) => c.kind === 'enterprise')!;
    expect(enterprise.alerts).toEqual([
      expect.objectContaining({ league: '150600', stage: 'LISTING', limitOn: '2026-01-31', article: 'Art 16(1)' }),
    ]);
    // 2026-02-01 … 2026-03-02 in the official 2026 calendar (Spring Festival off, 2-14 and 2-28 worked).
    expect(enterprise.alerts[0]!.overdueByWorkingDays).toBeGreaterThan(10);
    expect(enterprise.progress[0]).toMatchObject({ stage: 'LISTING', done: 0, overdue: true });
  });

  it('shows the fixed dates the legal windows would overrun, planned from where the league stands (Art 17(3))', async () => {
    const r = await dashboard().execute(ordos);
    if (r.status !== 'ok') throw new Error(r.status);
    const agency = r.value.cycles.find((c) => c.kind === 'agency')!;
    expect(agency.atRisk).toContainEqual(
      expect.objectContaining({ league: '150600', stage: 'REPORTED', on: '2026-04-30', article: 'Art 17(3)' }),
    );
    expect(agency.atRisk.find((x) => x.stage === 'REPORTED')!.atRiskBy).toBeGreaterThan(0);
  });

  it('lists the next deadlines soonest first, with working days left', async () => {
    const r = await dashboard().execute(ordos);
    if (r.status !== 'ok') throw new Error(r.status);
    const agency = r.value.cycles.find((c) => c.kind === 'agency')!;
    const ons = agency.deadlines.map((x) => x.on);
    expect(ons).toEqual([...ons].sort());
    const listing = agency.deadlines.find((x) => x.id === 'LISTING.end@150600')!;
    expect(listing.on).toBe('2026-03-31');
    // 2026-03-03 … 2026-03-31: 21 working days.
    expect(listing.workingDaysLeft).toBe(21);
  });

  it('refuses the public and participants', async () => {
    expect((await dashboard().execute({ type: 'public' })).status).toBe('unauthorized');
    expect((await dashboard().execute({ type: 'staff', claims: { role: 'enterprise', subject: 'X' } })).status).toBe(
      'forbidden',
    );
  });
});
