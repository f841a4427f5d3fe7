import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { ProfileStore, SubjectDirectory } from '../ports/store.ts';
import { listedPractitioners } from '../practitioner-results/listedPractitioners.ts';
import { NotifyPractitionerResults } from '../practitioner-results/notifyPractitionerResults.ts';
import { PractitionerResultsGate } from '../practitioner-results/practitionerResultsGate.ts';
import { listedParticipants } from '../publication/listedParticipants.ts';
import { planFreeze } from '../publication/publishResults.ts';
import type { ReportGate } from '../reports/reportGate.ts';
import type { Edges, StoreEdge } from './edges.ts';

export type PractitionerResultsEdges = Pick<
  Edges,
  'clock' | 'rescoreQueue' | 'participants' | 'finalResults' | 'notices'
> &
  StoreEdge<SubjectDirectory & Pick<ProfileStore, 'getProfile'>>;

/**
 * The codes whose final results a year's freeze makes (Art 16(1), 17(1), 18(1): the lists): for
 * units, the lists of participants; for practitioners, the leagues' lists of practitioners (Art 18(5)).
 */
export const freezeListOf = async (
  lists: Pick<ParticipantStore, 'participants'>,
  kind: CycleKind,
  year: number,
): Promise<ReadonlySet<string>> =>
  kind === 'practitioner'
    ? new Set((await listedPractitioners(lists, year)).keys())
    : listedParticipants(lists, kind, year);

/** The region's `resultsNotified` (Art 18(6)): refused until the practitioners are frozen; then notices and letters. */
export const practitionerResultsGateOf = (e: PractitionerResultsEdges): ReportGate =>
  new PractitionerResultsGate(
    e.store,
    e.participants,
    e.finalResults,
    async (year, on) =>
      planFreeze(e.store, await freezeListOf(e.participants, 'practitioner', year), 'practitioner', year, on, (m) =>
        e.rescoreQueue.send(m),
      ),
    new NotifyPractitionerResults(e.participants, e.finalResults, e.store, e.notices, e.clock),
    e.clock,
  );
