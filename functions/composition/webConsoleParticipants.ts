import type { ParticipantConsoleDeps } from '../web/console/participants/deps.ts';
import { ParticipantLists } from '../web/console/participants/participantLists.ts';
import type { Edges } from './edges.ts';

/** What the console's participant list pages (and their import, in `webExports`) use (docs/console.md 参评名单). */
export const webConsoleParticipantsDeps = (
  e: Pick<Edges, 'clock' | 'participants' | 'cycleStore'>,
): ParticipantConsoleDeps => ({
  participants: { lists: new ParticipantLists(e.participants, e.cycleStore, e.clock) },
});
