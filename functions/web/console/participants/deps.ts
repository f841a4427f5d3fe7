import type { ParticipantLists } from './participantLists.ts';

/** What the console's participant list pages use. */
export interface ParticipantConsoleDeps {
  readonly participants: {
    readonly lists: ParticipantLists;
  };
}
