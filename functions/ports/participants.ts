import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { ImportCount } from '../../domain/participants/importList.ts';
import type { ParticipantEntry, ParticipantKind } from '../../domain/participants/participant.ts';
import { EcocreditError } from '../shared/errors.ts';

/** One league's list of participants of one cycle (Art 16(1), 17(1)). */
export interface ParticipantListRef {
  readonly year: number;
  readonly kind: ParticipantKind;
  readonly league: LeagueCode;
}

/** A change of a list, as its audit trail keeps it. */
export interface ParticipantAudit {
  readonly at: string;
  /** `staff:<role>:<league>`. */
  readonly actor: string;
  readonly action: 'participants.imported' | 'participant.added' | 'participant.removed' | 'practitioner.declined';
  readonly what: Readonly<Record<string, unknown>>;
  /** Required once the list is confirmed (`listConfirmed`). */
  readonly why: string | null;
  /** Was the list confirmed when it changed? */
  readonly afterConfirmation: boolean;
}

/** Lists of participants and their audit trails. */
export interface ParticipantStore {
  /** The list, by code. */
  participants(list: ParticipantListRef): Promise<ParticipantEntry[]>;
  /**
   * Stores the entries: an entry stored with the same content is left as it is, so the same import
   * twice changes nothing (and writes no audit entry the second time). New and changed entries and
   * the audit entry are written in transactions.
   */
  putParticipants(
    list: ParticipantListRef,
    entries: readonly ParticipantEntry[],
    audit: ParticipantAudit,
  ): Promise<ImportCount>;
  /** Removes one entry with its audit entry; false when it was not on the list. */
  removeParticipant(list: ParticipantListRef, code: string, audit: ParticipantAudit): Promise<boolean>;
  auditOfList(list: ParticipantListRef): Promise<ParticipantAudit[]>;
  /** Adds an entry to the list's change record that changes no entry (a practitioner filed but not listed, Art 18(1)). */
  recordAudit(list: ParticipantListRef, audit: ParticipantAudit): Promise<void>;
}

/** An unexpected failure of the participants' storage. */
export class ParticipantStoreError extends EcocreditError {
  override readonly name = 'ParticipantStoreError';
}
