import type { SubjectResult } from '../../domain/evaluation/evaluateSubject.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import type { SubjectKind } from '../../domain/catalogue/kinds.ts';
import type { LegalDate } from '../../domain/dates.ts';

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
}

export interface PublishedGradeItem {
  readonly year: number;
  readonly grade: Grade | null;
  readonly publishedOn: LegalDate;
  readonly result: SubjectResult;
}

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
  readonly published: readonly PublishedGradeItem[];
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
  readonly reference?: { readonly clientEventId: string; readonly eventId: string };
  readonly audit: readonly AuditEntry[];
}

/** A repair application after publication (Art 23 ¶2): verified by the league bureau within 20 working days. */
export interface RepairApplication {
  readonly id: string;
  readonly subject: SubjectRef;
  readonly eventId: string;
  readonly appliedOn: LegalDate;
  readonly evidence: string;
  readonly impactEliminated: boolean;
  readonly verifyBy: { readonly on: LegalDate; readonly at: string; readonly provisional: boolean };
  readonly status: 'pending' | 'approved' | 'rejected';
  /** The verification limit passed while pending: an overdue alert to the league bureau. */
  readonly overdue: boolean;
  readonly decidedOn: LegalDate | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
  readonly version: number;
}

export interface CreditStore {
  getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>>;
  /** Claims a new eventId; false when it was claimed meanwhile (read it again). */
  claimEvent(claim: EventClaim): Promise<boolean>;
  claimLifecycle(eventId: string, field: LifecycleField, on: LegalDate): Promise<LifecycleClaim>;

  loadSubject(subject: SubjectRef): Promise<SubjectPartition>;
  /** The stored records of the given eventIds, wherever they are (I4 client records). */
  loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>>;
  /** False when a condition failed (a concurrent change): read again and recompute. */
  commitSubject(change: SubjectCommit): Promise<boolean>;
  /** Agencies whose records cite this eventId as their client's (knock-on, I4). */
  referencesTo(eventId: string): Promise<SubjectRef[]>;
  /** True when the link changed (the employer's staff rule may have too). */
  putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean>;
  deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void>;

  getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null>;
  getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null>;
  latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null>;
  putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<void>;
  getProfile(subject: SubjectRef): Promise<StoredProfile | null>;
  /** Writes a profile if its version is still `expectedVersion` (null: absent). */
  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean>;
  auditOf(subject: SubjectRef): Promise<AuditEntry[]>;
  repairApplications(subject: SubjectRef): Promise<RepairApplication[]>;
  /** Writes an application if its version is still `expectedVersion` (null: new), with its audit entry. */
  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean>;
  /** Every subject, one segment of a parallel Scan (the nightly planner). */
  listSubjects(segment: number, totalSegments: number): Promise<SubjectRef[]>;
  ping(): Promise<void>;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
