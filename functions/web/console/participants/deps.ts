import type { ParticipantLists } from '../../../participants/participantLists.ts';
import type { FilingDecisions } from './filingDecisions.ts';
import type { VoluntaryDecisions } from './voluntaryDecisions.ts';

/** What the console's participant list pages use. */
export interface ParticipantConsoleDeps {
  readonly participants: {
    readonly lists: ParticipantLists;
  };
  /** Applications to take part of one's own accord (Art 6(8)), decided beside the list. */
  readonly voluntary: { readonly decisions: VoluntaryDecisions };
  /** Practitioners filed by their employers (Art 18(1)), listed or declined beside the list of practitioners. */
  readonly practitioners: { readonly decisions: Pick<FilingDecisions, 'filed' | 'list' | 'decline'> };
}
