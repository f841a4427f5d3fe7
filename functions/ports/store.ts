import type { SubjectKind } from '../../domain/catalogue/kinds.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { Filing } from '../../domain/filing/filing.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { RecordMessage } from './messages.ts';

/** The record store: what the use cases need of DynamoDB, and nothing about how it is kept. */
export interface SubjectRef {
  readonly kind: SubjectKind;
  readonly id: string;
}

export interface StoredProfile {
  readonly subject: Subject;
  /** `unregistered`: created from a record for a subject nobody registered; a bureau completes it. */
  readonly registration: 'registered' | 'unregistered';
  readonly version: number;
  readonly updatedAt: string;
}

export interface StoredRecord {
  readonly record: CreditRecord;
  readonly contentHash: string;
  readonly source: string;
  readonly receivedAt: string;
}

export interface StoredSnapshot {
  readonly year: number;
  /** The subject's league when computed (jurisdiction checks need no second read). */
  readonly league: string | null;
  readonly asOf: LegalDate;
  /** The result holds, but for its as-of date, through this date (domain `stableThrough`). */
  readonly stableThrough: LegalDate;
  readonly result: SubjectResult;
  readonly version: number;
  readonly computedAt: string;
  /**
   * Where the store keeps the explanation when it does not fit in the snapshot's own item (set when
   * read; absent when kept inline). A snapshot computed from one that was read carries it on, so the
   * store can reuse an unchanged explanation instead of writing it again.
   */
  readonly explanation?: ExplanationSet;
}

/**
 * A result's explanation kept apart from its item, in parts (docs/storage.md "Big subjects"): the
 * lists `items`, `pending`, `repair` and `notes`, split in order into parts well under DynamoDB's
 * 400 KB item limit. Its id names the write that made it, so a reader never mixes two versions.
 */
export interface ExplanationSet {
  readonly id: string;
  readonly parts: number;
  /** SHA-256 of the parts: an unchanged explanation is recognised without reading it. */
  readonly hash: string;
  /** Bytes of the parts' JSON, and how many entries each list has. */
  readonly bytes: number;
  readonly counts: {
    readonly items: number;
    readonly pending: number;
    readonly repair: number;
    readonly notes: number;
  };
}

export interface PublishedGradeItem {
  readonly year: number;
  readonly grade: Grade | null;
  readonly publishedOn: LegalDate;
  readonly result: SubjectResult;
}

/** A published grade as the subject's Query reads it: its result (and explanation) is read only by a lookup. */
export type PublishedSummary = Omit<PublishedGradeItem, 'result'>;

export interface StaffLink {
  readonly practitionerId: string;
  /** Per evaluation year, the first counted record's date (Annex 2 staff rule). */
  readonly firstCountedOn: Readonly<Record<string, LegalDate | null>>;
}

/** Everything in one subject's partition: one Query. */
export interface SubjectPartition {
  readonly profile: StoredProfile | null;
  readonly records: readonly StoredRecord[];
  readonly staff: readonly StaffLink[];
  readonly snapshots: readonly StoredSnapshot[];
  readonly published: readonly PublishedSummary[];
  /** The subject's repair applications (Art 23), read with the rest (the nightly re-issue check). */
  readonly repairs?: readonly RepairApplication[];
  /** The subject's filings (Art 20), one per year: its evaluation derives Art 32's late filing from them. */
  readonly filings?: readonly Filing[];
}

export interface EventClaim {
  readonly eventId: string;
  readonly subject: SubjectRef;
  readonly contentHash: string;
  readonly occurredOn: LegalDate;
  readonly rectifiedOn: LegalDate | null;
  readonly revokedOn: LegalDate | null;
  /** True once the worker has written the record. */
  readonly applied: boolean;
  readonly source: string;
  readonly claimedAt: string;
  /**
   * Set while the claim is reserved by a delivery that has neither committed nor been rolled back
   * (still in progress, or abandoned by a crash): it may still disappear.
   */
  readonly inDoubt?: { readonly delivery: string; readonly reservedAt: string };
}

/**
 * The transactional outbox (docs/ingestion.md): every claim carries the message that applies it,
 * so a 202 never depends on the queue. An entry is the claim of a created record, or a lifecycle
 * change (rectified, revoked) of it.
 */
export type OutboxEntry = 'created' | 'rectifiedOn' | 'revokedOn';
export interface OutboxKey {
  readonly eventId: string;
  readonly entry: OutboxEntry;
}

/** A claim reserved by a delivery (phase one of its all-or-nothing write). */
export interface Reservation {
  readonly claim: EventClaim;
  readonly league: string | null;
  readonly message: RecordMessage;
}

/** An outbox entry not applied yet, found by the sweeper. */
export interface PendingEntry {
  readonly key: OutboxKey;
  readonly message: RecordMessage | null;
  readonly attempts: number;
  readonly since: string;
  /** The reserving delivery, while its outcome is not known to the entry. */
  readonly reservedBy: string | null;
}

/** An entry set aside after failing too often, with its cause, until a person re-drives it. */
export interface StuckEntry {
  readonly key: OutboxKey;
  readonly subject: SubjectRef;
  readonly league: string | null;
  readonly source: string;
  readonly attempts: number;
  readonly error: string;
  readonly since: string;
}

export type LifecycleField = 'rectifiedOn' | 'revokedOn' | 'repairedOn';

export type LifecycleClaim =
  | { readonly outcome: 'claimed' | 'duplicate'; readonly claim: EventClaim }
  | { readonly outcome: 'conflict'; readonly claim: EventClaim }
  | { readonly outcome: 'unknown' };

export interface AuditEntry {
  readonly subject: SubjectRef;
  readonly at: string;
  /** A source (`webhook:<source>`), a staff member (`staff:<role>:<league or subject>`) or `system`. */
  readonly actor: string;
  readonly action: string;
  readonly what: Readonly<Record<string, unknown>>;
  readonly why: string | null;
}

/** One subject's change, written in one transaction guarded by conditions. */
export interface SubjectCommit {
  readonly subject: SubjectRef;
  readonly newRecord?: StoredRecord;
  readonly recordUpdate?: { readonly eventId: string; readonly field: LifecycleField; readonly on: LegalDate };
  readonly profileIfAbsent?: StoredProfile;
  readonly snapshots: readonly { readonly snapshot: StoredSnapshot; readonly expectedVersion: number | null }[];
  readonly eventApplied?: string;
  /** A webhook lifecycle change applied: its outbox entry leaves the pending index. */
  readonly lifecycleApplied?: { readonly eventId: string; readonly field: 'rectifiedOn' | 'revokedOn' };
  readonly reference?: { readonly clientEventId: string; readonly eventId: string };
  readonly audit: readonly AuditEntry[];
  /**
   * An event whose citations the commit checks at no extra request (I4 knock-on): the commit then
   * answers 'cited' when an agency's record cites that event, so citing agencies are looked up only then.
   */
  readonly citationCheck?: string;
}

/**
 * Several messages of one subject applied together (the records queue's consumer): their records,
 * lifecycle dates, outbox marks, references and audit, with the subject's snapshots written once
 * for all of them, in one transaction guarded by conditions.
 */
export interface SubjectBatchCommit {
  readonly subject: SubjectRef;
  /** Records new to the partition, as they end after the batch (a lifecycle date of the batch included). */
  readonly newRecords: readonly StoredRecord[];
  /** Lifecycle dates set on records already stored, several fields of one record at once. */
  readonly recordUpdates: readonly {
    readonly eventId: string;
    readonly fields: Readonly<Partial<Record<LifecycleField, LegalDate>>>;
  }[];
  readonly profileIfAbsent?: StoredProfile;
  readonly snapshots: SubjectCommit['snapshots'];
  readonly eventsApplied: readonly string[];
  readonly lifecyclesApplied: readonly NonNullable<SubjectCommit['lifecycleApplied']>[];
  readonly references: readonly NonNullable<SubjectCommit['reference']>[];
  readonly audit: readonly AuditEntry[];
  /** Events whose citations the commit checks at no extra request (I4 knock-on). */
  readonly citationChecks: readonly string[];
}

/** The result of a batch commit: `cited` are the checked events an agency cites (I4). */
export type SubjectBatchCommitted =
  | { readonly status: 'committed'; readonly cited: ReadonlySet<string> }
  /** A condition refused it (a concurrent change): read again and recompute. */
  | { readonly status: 'refused' }
  /** Beyond one transaction (100 items, 4 MB): split the batch. */
  | { readonly status: 'tooLarge' };

/** One subject's snapshots (and their audit) in a group commit of several subjects. */
export interface SnapshotCommit {
  readonly subject: SubjectRef;
  readonly snapshots: SubjectCommit['snapshots'];
  readonly audit: readonly AuditEntry[];
}

/**
 * What became of one subject's change in a group commit: written, refused with its group (a
 * condition or a concurrent transaction: nothing of the group was written; read again and commit it
 * alone), or failed with the group's error.
 */
export type GroupCommitOutcome =
  | { readonly status: 'written' }
  | { readonly status: 'refused' }
  | { readonly status: 'failed'; readonly error: unknown };

/** Several subjects' snapshots committed together, in as few transactions as their size allows (the nightly run). */
export interface SnapshotGroupStore {
  /** One outcome per change, in the same order. */
  commitSnapshotGroup(changes: readonly SnapshotCommit[]): Promise<GroupCommitOutcome[]>;
}

/** A subject's change of several messages at once (the records queue's consumer). */
export interface SubjectBatchStore {
  commitSubjectBatch(change: SubjectBatchCommit): Promise<SubjectBatchCommitted>;
}

/**
 * What a repair application repairs: an enterprise's or agency's one record (Art 23), or a
 * practitioner's rating as dishonest in an evaluation year (Art 13, 24).
 */
export type RepairTarget =
  | { readonly kind: 'record'; readonly eventId: string }
  | { readonly kind: 'dishonestYear'; readonly year: number };

const DISHONEST_PREFIX = 'DISHONEST-';
/** The application's `eventId` (stored and answered as is): the record's event id, or `DISHONEST-<year>`. */
export const repairEventId = (target: RepairTarget): string =>
  target.kind === 'record' ? target.eventId : `${DISHONEST_PREFIX}${target.year}`;
/** What an application repairs, from its subject's kind and its `eventId`. */
export const repairTargetOf = (app: Pick<RepairApplication, 'subject' | 'eventId'>): RepairTarget =>
  app.subject.kind === 'practitioner' && app.eventId.startsWith(DISHONEST_PREFIX)
    ? { kind: 'dishonestYear', year: Number(app.eventId.slice(DISHONEST_PREFIX.length)) }
    : { kind: 'record', eventId: app.eventId };

/** A repair application after publication (Art 23 ¶2): verified by the league bureau within 20 working days. */
export interface RepairApplication {
  readonly id: string;
  readonly subject: SubjectRef;
  /** What it repairs, as `repairEventId` names it (read it with `repairTargetOf`). */
  readonly eventId: string;
  readonly appliedOn: LegalDate;
  readonly evidence: string;
  /** Keys of the evidence files uploaded with it (functions/ports/evidenceStore.ts); absent when none. */
  readonly evidenceFiles?: readonly string[];
  readonly impactEliminated: boolean;
  readonly verifyBy: { readonly on: LegalDate; readonly at: string; readonly provisional: boolean };
  readonly status: 'pending' | 'approved' | 'rejected';
  /** The verification limit passed while pending: an overdue alert to the league bureau. */
  readonly overdue: boolean;
  readonly decidedOn: LegalDate | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
  readonly version: number;
  /**
   * Set with an approval (in the same conditional write): the published results still have to be
   * re-issued from the repaired record (Art 23 ¶2). Cleared once the re-issue and its correction
   * push are done; a pending one is completed by the nightly run.
   */
  readonly reissuePending?: boolean;
}

/** Event claims of webhook deliveries (reserved, then committed with their delivery) and lifecycle changes. */
export interface ClaimStore {
  getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>>;
  /** Claims a new eventId; false when it was claimed meanwhile (read it again). */
  claimEvent(claim: EventClaim): Promise<boolean>;
  /** Sets a lifecycle date on a committed claim; with `outbox`, writes its outbox entry in the same transaction. */
  claimLifecycle(
    eventId: string,
    field: LifecycleField,
    on: LegalDate,
    outbox?: { readonly message: RecordMessage; readonly at: string },
  ): Promise<LifecycleClaim>;
  /** Phase one: reserves new claims for a delivery, in parallel; `blocked` were claimed by others. */
  reserveClaims(
    delivery: string,
    reservations: readonly Reservation[],
    at: string,
  ): Promise<{ readonly reserved: string[]; readonly blocked: string[] }>;
  /** Phase two, the commit point: false when the delivery was rolled back meanwhile (by a sweeper or a later delivery). */
  commitDelivery(delivery: string, at: string): Promise<boolean>;
  /** Rolls a delivery back: marks it aborted and removes its reservations. */
  abortDelivery(delivery: string, eventIds: readonly string[], at: string): Promise<void>;
  /** Resolves a reservation: committed (its delivery committed) or rolled back (removed). */
  settleReservation(eventId: string, delivery: string, at: string): Promise<'committed' | 'rolledBack'>;
}

/** The transactional outbox of claims: entries sent, retried, set aside and redriven. */
export interface OutboxStore {
  /** The outbox entries of eventIds (pending, applied or stuck), for re-sending duplicates. */
  outboxMessage(
    key: OutboxKey,
  ): Promise<{ readonly message: RecordMessage | null; readonly applied: boolean; readonly stuck: boolean } | null>;
  /** Pending entries queued or reserved before `before` (ISO instant), oldest first. */
  pendingEntries(before: string, limit: number): Promise<PendingEntry[]>;
  /** The entry was sent again: its attempts and time move on (no-op once applied). */
  markRequeued(key: OutboxKey, attempts: number, at: string): Promise<void>;
  /** A failed try: the error is kept; returns the attempts so far. */
  recordFailure(key: OutboxKey, error: string): Promise<number>;
  /** Sets an entry aside with its cause (no-op once applied); `keepError` keeps the last error a try recorded. */
  setAside(key: OutboxKey, error: string, at: string, keepError?: boolean): Promise<void>;
  stuckEntries(): Promise<StuckEntry[]>;
  /** Puts an eventId's stuck entries back to pending; returns their messages to send. */
  redrive(eventId: string, at: string): Promise<RecordMessage[]>;
}

/** A subject's partition: its records, staff links and evaluation, committed together; references across subjects (I4). */
export interface SubjectRecordStore {
  loadSubject(subject: SubjectRef): Promise<SubjectPartition>;
  /** The stored records of the given eventIds, wherever they are (I4 client records). */
  loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>>;
  /** False when a condition failed (a concurrent change): read again and recompute. */
  /** True when written, false when a condition refused it (re-read and retry); 'cited' as `citationCheck` says. */
  commitSubject(change: SubjectCommit): Promise<boolean | 'cited'>;
  /** Agencies whose records cite this eventId as their client's (knock-on, I4). */
  referencesTo(eventId: string): Promise<SubjectRef[]>;
  /** True when the link changed (the employer's staff rule may have too). */
  putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean>;
  deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void>;
}

/** The live snapshot of a subject's result. */
export interface SnapshotReader {
  getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null>;
}

/** Published results (Art 20) and their re-issues (Art 23). */
export interface PublishedResultStore {
  getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null>;
  latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null>;
  /** Writes the original publication (again: harmless); false when the result was re-issued since (Art 23), which stays. */
  putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<boolean>;
  /**
   * Replaces the published result of `item.year` by its re-issue `issue`, if the stored one is still
   * issue `expectedIssue` (1: the original publication), together with its audit entry; false when
   * it moved meanwhile (read it again).
   */
  reissuePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    issue: number,
    expectedIssue: number,
    audit: AuditEntry,
  ): Promise<boolean>;
}

/** Subjects' registered profiles. */
export interface ProfileStore {
  getProfile(subject: SubjectRef): Promise<StoredProfile | null>;
  /** Writes a profile if its version is still `expectedVersion` (null: absent). */
  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean>;
}

/** Repair applications (Art 23–25). */
export interface RepairApplicationStore {
  repairApplications(subject: SubjectRef): Promise<RepairApplication[]>;
  /** Writes an application if its version is still `expectedVersion` (null: new), with its audit entry. */
  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean>;
}

/** The audit trail of subjects. */
export interface AuditLog {
  auditOf(subject: SubjectRef): Promise<AuditEntry[]>;
  /** An audited refusal (a lifecycle message from another source). */
  auditRefusal(entry: AuditEntry): Promise<void>;
}

/** Every registered subject (the nightly planner). */
export interface SubjectDirectory {
  /** Every subject, one of `totalSegments` segments (read in parallel). */
  listSubjects(segment: number, totalSegments: number): Promise<SubjectRef[]>;
}

export interface StoreHealth {
  ping(): Promise<void>;
}

/** The whole store, as the composition builds it; each use case asks only for the parts it uses. */
export interface CreditStore
  extends ClaimStore,
    OutboxStore,
    SubjectRecordStore,
    SubjectBatchStore,
    SnapshotGroupStore,
    SnapshotReader,
    PublishedResultStore,
    ProfileStore,
    RepairApplicationStore,
    AuditLog,
    SubjectDirectory,
    StoreHealth {}

export class StoreError extends EcocreditError {
  override readonly name = 'StoreError';
}
