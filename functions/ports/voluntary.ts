import type { AgencyCategory } from '../../domain/catalogue/kinds.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ParticipantKind } from '../../domain/participants/participant.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { ParticipantListRef } from './participants.ts';

export type VoluntaryStatus = 'pending' | 'accepted' | 'declined';

/** A unit's application to take part in a year's evaluation of its own accord (Art 6(8)). */
export interface VoluntaryApplication {
  readonly year: number;
  readonly kind: ParticipantKind;
  readonly league: LeagueCode;
  /** The unified social credit code. */
  readonly code: string;
  readonly name: string;
  /** An agency's Annex 2 categories as it applied with them (the list needs them); absent for enterprises. */
  readonly categories?: readonly AgencyCategory[];
  readonly status: VoluntaryStatus;
  readonly appliedAt: string;
  /** Why the bureau declined; null otherwise. */
  readonly reason: string | null;
  /** `staff:<role>:<league>` of the decision; null while pending. */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export interface VoluntaryDecision {
  readonly status: 'accepted' | 'declined';
  readonly reason: string | null;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** Applications to take part of one's own accord, kept beside the list they would join. */
export interface VoluntaryStore {
  /** Stores a new application; `pending` (and nothing changes) while one of the unit is still pending. */
  apply(application: VoluntaryApplication): Promise<'applied' | 'pending'>;
  /** The unit's application to this list, if any. */
  application(list: ParticipantListRef, code: string): Promise<VoluntaryApplication | null>;
  /** The applications to this list, by code. */
  applicationsOf(list: ParticipantListRef): Promise<VoluntaryApplication[]>;
  /** Decides a pending application; `notPending` (and nothing changes) when there is none. */
  decide(list: ParticipantListRef, code: string, decision: VoluntaryDecision): Promise<'decided' | 'notPending'>;
}

/** An unexpected failure of the applications' storage. */
export class VoluntaryStoreError extends EcocreditError {
  override readonly name = 'VoluntaryStoreError';
}
