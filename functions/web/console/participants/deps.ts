import type { ParticipantLists } from './participantLists.ts';
import type { VoluntaryDecisions } from './voluntaryDecisions.ts';

/** What the console's participant list pages use. */
export interface ParticipantConsoleDeps {
  readonly participants: {
    readonly lists: ParticipantLists;
  };
  /** Applications to take part of one's own accord (Art 6(8)), decided beside the list. */
  readonly voluntary: { readonly decisions: VoluntaryDecisions };
}
