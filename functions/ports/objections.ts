import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { Objection } from '../../domain/objections/objection.ts';
import type { RecordVerification } from '../../domain/objections/supplement.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { AuditEntry, SubjectRef } from './store.ts';

/** A participant's confirmation that its records and pre-grade are right (确认无误, Art 17(3), 18(4)). */
export interface RecordsConfirmation {
  readonly subject: SubjectRef;
  readonly year: number;
  readonly kind: CycleKind;
  readonly league: LeagueCode;
  readonly confirmedAt: string;
  readonly confirmedBy: string;
}

/**
 * Objections (domain/objections/objection.ts): kept in the subject's partition, indexed by league and
 * cycle for the console. Every write is audited in the same transaction.
 */
export interface ObjectionStore {
  /** Stores a new objection unless one with its id is stored: then nothing changes. */
  file(objection: Objection, audit: AuditEntry): Promise<'filed' | 'exists'>;
  objection(subject: SubjectRef, id: string): Promise<Objection | null>;
  /** Replaces an open objection by its reviewed form; false when it is no longer open. */
  review(objection: Objection, audit: AuditEntry): Promise<boolean>;
  /** The subject's objections, oldest first. */
  objectionsOfSubject(subject: SubjectRef): Promise<Objection[]>;
  /** A league's objections of a cycle (or of every cycle), oldest first. */
  objectionsOf(league: LeagueCode, cycle?: { readonly year: number; readonly kind: CycleKind }): Promise<Objection[]>;
  /** Stores the confirmation once; a second one changes nothing. */
  confirm(confirmation: RecordsConfirmation, audit: AuditEntry): Promise<'confirmed' | 'exists'>;
  confirmation(subject: SubjectRef, year: number, kind: CycleKind): Promise<RecordsConfirmation | null>;
  /** Stores a record's verification once (核实, Art 17(2), 18(2)); a second one changes nothing. */
  verify(verification: RecordVerification, audit: AuditEntry): Promise<'verified' | 'exists'>;
  /** The verifications of a subject's records. */
  verificationsOf(subject: SubjectRef): Promise<RecordVerification[]>;
}

/** An unexpected failure of the objections' storage. */
export class ObjectionStoreError extends EcocreditError {
  override readonly name = 'ObjectionStoreError';
}
