import { ParticipantLists } from '../participants/participantLists.ts';
import { RegisterListed } from '../participants/registerListed.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { Edges, StoreEdge } from './edges.ts';

export type ParticipantListEdges = Pick<Edges, 'participants' | 'cycleStore' | 'clock' | 'recordQueue'> &
  StoreEdge<Pick<ProfileStore, 'getProfile' | 'putProfile'>>;

/** A league's lists of participants; a listed participant nobody registered yet is registered from its entry. */
export const participantListsOf = (e: ParticipantListEdges): ParticipantLists =>
  new ParticipantLists(e.participants, e.cycleStore, e.clock, new RegisterListed(e.store, e.recordQueue));
