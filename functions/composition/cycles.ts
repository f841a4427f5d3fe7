import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import { CycleTransitions } from '../cycles/cycleTransitions.ts';
import { FireDeadline } from '../cycles/fireDeadline.ts';
import { LoadCalendar } from '../cycles/loadCalendar.ts';
import { OpenCycle } from '../cycles/openCycle.ts';
import { ReadCycle } from '../cycles/readCycle.ts';
import { RecordAct } from '../cycles/recordAct.ts';
import type { CyclesApiUseCases } from '../cycles-api/handler.ts';
import { MarkLateFilings } from '../filing/markLateFilings.ts';
import { confirmationNoticesMessages } from '../notices/confirmationNoticesMessage.ts';
import { IssueParticipantsNotices } from '../notices/issueParticipantsNotices.ts';
import type { ProfileStore, RepairApplicationStore, SubjectDirectory } from '../ports/store.ts';
import { listedParticipants } from '../publication/listedParticipants.ts';
import { planPublication } from '../publication/publishResults.ts';
import { FlagOverdueRepair } from '../repairs/flagOverdueRepair.ts';
import { LeagueReportGate } from '../reports/reportGate.ts';
import { bothGates } from '../review/reviewGate.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { type ParticipantListEdges, participantListsOf } from './participantLists.ts';
import { type ReviewGateEdges, reviewGateOf } from './review.ts';

type TransitionEdges = Pick<Edges, 'cycleStore' | 'scheduler' | 'clock'>;
type PlanningEdges = Pick<Edges, 'rescoreQueue' | 'participants'> & StoreEdge<SubjectDirectory>;

/**
 * Plans a year's publication when the region records `published`: one rescore-queue message per
 * batch of the subjects on the year's lists of participants.
 */
const planPublicationOf =
  (e: PlanningEdges) =>
  async (kind: CycleKind, year: number, publishedOn: string): Promise<number> =>
    planPublication(e.store, await listedParticipants(e.participants, kind, year), kind, year, publishedOn, (m) =>
      e.rescoreQueue.send(m),
    );

const transitionsOf = (e: TransitionEdges): CycleTransitions =>
  new CycleTransitions(e.cycleStore, e.scheduler, e.clock);

type NoticeEdges = Pick<Edges, 'cycleStore' | 'participants' | 'notices' | 'clock'>;

/** The participants' notices of a league (Art 20), issued after `participantsNotified` and again on repair. */
const participantsNoticesOf = (e: NoticeEdges): IssueParticipantsNotices =>
  new IssueParticipantsNotices(e.cycleStore, e.participants, e.notices, e.clock);

/** The cycles API's use cases; the region's `published` act plans the year's publication (Art 16(5), 17(7)). */
export const cyclesApiUseCases = (
  e: TransitionEdges & PlanningEdges & NoticeEdges & ParticipantListEdges & ReviewGateEdges,
): CyclesApiUseCases => {
  const transitions = transitionsOf(e);
  const notices = participantsNoticesOf(e);
  return {
    participantLists: participantListsOf(e),
    openCycle: new OpenCycle(e.cycleStore, transitions),
    readCycle: new ReadCycle(e.cycleStore, transitions),
    recordAct: new RecordAct(
      e.cycleStore,
      transitions,
      planPublicationOf(e),
      async (of, actor, act) => {
        if (act === 'participantsNotified') return notices.execute(of, actor);
        // The confirmation notices carry each participant's evaluation: the rescore worker writes them.
        const cycle = await e.cycleStore.getCycle(of.year, of.kind);
        if (!cycle) return undefined;
        const entries = await e.participants.participants(of);
        return e.rescoreQueue.send(
          confirmationNoticesMessages(cycle, of.league, entries, actor, e.clock.now().toISOString()),
        );
      },
      bothGates(new LeagueReportGate(e.leagueReports, e.clock), reviewGateOf(e)),
    ),
    loadCalendar: new LoadCalendar(e.cycleStore, transitions),
  };
};

export type FiringEdges = TransitionEdges &
  NoticeEdges &
  Pick<Edges, 'recordQueue' | 'filings'> &
  StoreEdge<ProfileStore & RepairApplicationStore>;

/** Art 20, 32: the late marking of a league's participants, once its FILING window has closed. */
export const markLateFilingsOf = (e: FiringEdges): MarkLateFilings =>
  new MarkLateFilings(
    e.cycleStore,
    e.participants,
    e.filings,
    e.notices,
    e.recordQueue,
    participantsNoticesOf(e),
    e.clock,
  );

/** Fires a due deadline: a cycle's, a credit warning's (Art 22) or a repair's verification limit (Art 23). */
export const fireDeadline = (e: FiringEdges): FireDeadline => {
  // The repair deadlines' side only: it raises an overdue alert and re-issues nothing (no push queue).
  const repairs = new FlagOverdueRepair(e.store, e.cycleStore, e.clock);
  // Art 20, 32: the participants without a filing are marked late before the FILING window closes.
  const late = markLateFilingsOf(e);
  return new FireDeadline(
    e.cycleStore,
    transitionsOf(e),
    e.recordQueue,
    (target) => repairs.verificationDue(target),
    async (target) => {
      const league = target.deadlineId.split('@')[1] ?? '';
      if (isLeagueCode(league))
        await late.execute({ year: target.owner.year, kind: target.owner.cycleKind, league }, target.at);
    },
  );
};
