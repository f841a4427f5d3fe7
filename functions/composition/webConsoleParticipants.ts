import { ParticipantLists } from '../participants/participantLists.ts';
import type { ParticipantConsoleDeps } from '../web/console/participants/deps.ts';
import { FilingDecisions } from '../web/console/participants/filingDecisions.ts';
import { VoluntaryDecisions } from '../web/console/participants/voluntaryDecisions.ts';
import type { Edges } from './edges.ts';

/** What the console's participant list pages (and their import, in `webExports`) use (docs/console.md 参评名单). */
export const webConsoleParticipantsDeps = (
  e: Pick<Edges, 'clock' | 'participants' | 'cycleStore'>,
): Pick<ParticipantConsoleDeps, 'participants'> => ({
  participants: { lists: new ParticipantLists(e.participants, e.cycleStore, e.clock) },
});

/** The applications to take part of one's own accord shown on the list page (docs/console.md 自愿参加申请). */
export const webConsoleVoluntaryDeps = (
  e: Pick<Edges, 'clock' | 'participants' | 'cycleStore' | 'voluntary'>,
): Pick<ParticipantConsoleDeps, 'voluntary'> => ({
  voluntary: {
    decisions: new VoluntaryDecisions(e.voluntary, webConsoleParticipantsDeps(e).participants.lists, e.clock),
  },
});

/** The practitioners filed by their employers, listed or declined on the list of practitioners (docs/practitioners.md). */
export const webConsolePractitionersDeps = (
  e: Pick<Edges, 'clock' | 'participants' | 'cycleStore' | 'practitionerFilings'>,
): Pick<ParticipantConsoleDeps, 'practitioners'> => ({
  practitioners: {
    decisions: new FilingDecisions(e.practitionerFilings, webConsoleParticipantsDeps(e).participants.lists, e.clock),
  },
});
