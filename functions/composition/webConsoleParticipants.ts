import type { ParticipantConsoleDeps } from '../web/console/participants/deps.ts';
import { FilingDecisions } from '../web/console/participants/filingDecisions.ts';
import { VoluntaryDecisions } from '../web/console/participants/voluntaryDecisions.ts';
import type { Edges } from './edges.ts';
import { type ParticipantListEdges, participantListsOf } from './participantLists.ts';

/** What the console's participant list pages (and their import, in `webExports`) use (docs/console.md 参评名单). */
export const webConsoleParticipantsDeps = (e: ParticipantListEdges): Pick<ParticipantConsoleDeps, 'participants'> => ({
  participants: { lists: participantListsOf(e) },
});

/** The applications to take part of one's own accord shown on the list page (docs/console.md 自愿参加申请). */
export const webConsoleVoluntaryDeps = (
  e: ParticipantListEdges & Pick<Edges, 'voluntary'>,
): Pick<ParticipantConsoleDeps, 'voluntary'> => ({
  voluntary: {
    decisions: new VoluntaryDecisions(e.voluntary, webConsoleParticipantsDeps(e).participants.lists, e.clock),
  },
});

/** The practitioners filed by their employers, listed or declined on the list of practitioners (docs/practitioners.md). */
export const webConsolePractitionersDeps = (
  e: ParticipantListEdges & Pick<Edges, 'practitionerFilings'>,
): Pick<ParticipantConsoleDeps, 'practitioners'> => ({
  practitioners: {
    decisions: new FilingDecisions(e.practitionerFilings, webConsoleParticipantsDeps(e).participants.lists, e.clock),
  },
});
