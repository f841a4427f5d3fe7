import type { ParticipantConsoleDeps } from '../web/console/participants/deps.ts';
import { ParticipantLists } from '../web/console/participants/participantLists.ts';
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
