import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type {
  AuditEntry,
  CreditStore,
  EventClaim,
  GroupCommitOutcome,
  LifecycleClaim,
  LifecycleField,
  OutboxKey,
  PendingEntry,
  PublishedGradeItem,
  RepairApplication,
  Reservation,
  SnapshotCommit,
  StaffLink,
  StoredProfile,
  StoredSnapshot,
  StuckEntry,
  SubjectBatchCommit,
  SubjectBatchCommitted,
  SubjectCommit,
  SubjectPartition,
  SubjectRef,
} from '../ports/store.ts';
import { DynamoAuditLog } from './dynamoAudit.ts';
import { DynamoClaims } from './dynamoClaims.ts';
import { DynamoSubjectDirectory } from './dynamoDirectory.ts';
import { DynamoStoreHealth, documentClient } from './dynamoDocument.ts';
import { DynamoProfiles } from './dynamoProfiles.ts';
import { DynamoPublishedResults } from './dynamoPublished.ts';
import { DynamoRepairApplications } from './dynamoRepairs.ts';
import { DynamoSnapshotReader } from './dynamoSnapshots.ts';
import { DynamoSubjectRecords } from './dynamoSubjects.ts';
import { keys } from './keys.ts';

/** Keys of the single table, from the one key module (docs/storage.md). */
export { keys };

/**
 * The whole record store on DynamoDB (single table), for the local runtime and tests: every port of
 * `functions/ports/store.ts`, each answered by its own adapter (one file per port, docs/storage.md).
 * A Lambda's composition root builds only the adapters its function uses, so that its bundle carries
 * nothing else (docs/aws.md "Bundle sizes"). Takes its SDK client in the constructor; conditions
 * guard every write that could race (docs/storage.md "Consistency").
 */
export class DynamoCreditStore implements CreditStore {
  /** Event claims and their outbox (docs/ingestion.md). */
  private readonly claims: DynamoClaims;
  private readonly subjects: DynamoSubjectRecords;
  private readonly snapshots: DynamoSnapshotReader;
  private readonly publishedResults: DynamoPublishedResults;
  private readonly profiles: DynamoProfiles;
  private readonly repairs: DynamoRepairApplications;
  private readonly audit: DynamoAuditLog;
  private readonly directory: DynamoSubjectDirectory;
  private readonly health: DynamoStoreHealth;

  constructor(client: DynamoDBClient, table: string) {
    const doc = documentClient(client);
    this.claims = new DynamoClaims(doc, table);
    this.subjects = new DynamoSubjectRecords(doc, table);
    this.snapshots = new DynamoSnapshotReader(doc, table);
    this.publishedResults = new DynamoPublishedResults(doc, table);
    this.profiles = new DynamoProfiles(doc, table);
    this.repairs = new DynamoRepairApplications(doc, table);
    this.audit = new DynamoAuditLog(doc, table);
    this.directory = new DynamoSubjectDirectory(doc, table);
    this.health = new DynamoStoreHealth(doc, table);
  }

  ping(): Promise<void> {
    return this.health.ping();
  }

  // --- event claims and their outbox (webhook, sweeper) ------------------------------------------

  getClaims(eventIds: readonly string[]): Promise<Map<string, EventClaim>> {
    return this.claims.getClaims(eventIds);
  }

  claimEvent(claim: EventClaim): Promise<boolean> {
    return this.claims.claimEvent(claim);
  }

  claimLifecycle(
    eventId: string,
    field: LifecycleField,
    on: string,
    outbox?: { message: RecordMessage; at: string },
  ): Promise<LifecycleClaim> {
    return this.claims.claimLifecycle(eventId, field, on, outbox);
  }

  reserveClaims(delivery: string, reservations: readonly Reservation[], at: string) {
    return this.claims.reserveClaims(delivery, reservations, at);
  }

  commitDelivery(delivery: string, at: string): Promise<boolean> {
    return this.claims.commitDelivery(delivery, at);
  }

  abortDelivery(delivery: string, eventIds: readonly string[], at: string): Promise<void> {
    return this.claims.abortDelivery(delivery, eventIds, at);
  }

  settleReservation(eventId: string, delivery: string, at: string): Promise<'committed' | 'rolledBack'> {
    return this.claims.settleReservation(eventId, delivery, at);
  }

  outboxMessage(key: OutboxKey) {
    return this.claims.outboxMessage(key);
  }

  pendingEntries(before: string, limit: number): Promise<PendingEntry[]> {
    return this.claims.pendingEntries(before, limit);
  }

  markRequeued(key: OutboxKey, attempts: number, at: string): Promise<void> {
    return this.claims.markRequeued(key, attempts, at);
  }

  recordFailure(key: OutboxKey, error: string): Promise<number> {
    return this.claims.recordFailure(key, error);
  }

  setAside(key: OutboxKey, error: string, at: string, keepError = false): Promise<void> {
    return this.claims.setAside(key, error, at, keepError);
  }

  stuckEntries(): Promise<StuckEntry[]> {
    return this.claims.stuckEntries();
  }

  redrive(eventId: string, at: string): Promise<RecordMessage[]> {
    return this.claims.redrive(eventId, at);
  }

  /** Pending and stuck outbox entries (progress and metrics). */
  outboxCounts(): Promise<{ pending: number; stuck: number }> {
    return this.claims.counts();
  }

  // --- subjects ----------------------------------------------------------------------------------

  loadSubject(subject: SubjectRef): Promise<SubjectPartition> {
    return this.subjects.loadSubject(subject);
  }

  loadRecords(eventIds: readonly string[]): Promise<Map<string, CreditRecord>> {
    return this.subjects.loadRecords(eventIds);
  }

  commitSubject(change: SubjectCommit): Promise<boolean | 'cited'> {
    return this.subjects.commitSubject(change);
  }

  commitSubjectBatch(change: SubjectBatchCommit): Promise<SubjectBatchCommitted> {
    return this.subjects.commitSubjectBatch(change);
  }

  commitSnapshotGroup(changes: readonly SnapshotCommit[]): Promise<GroupCommitOutcome[]> {
    return this.subjects.commitSnapshotGroup(changes);
  }

  referencesTo(eventId: string): Promise<SubjectRef[]> {
    return this.subjects.referencesTo(eventId);
  }

  putStaffLink(agency: SubjectRef, link: StaffLink): Promise<boolean> {
    return this.subjects.putStaffLink(agency, link);
  }

  deleteStaffLink(agency: SubjectRef, practitionerId: string): Promise<void> {
    return this.subjects.deleteStaffLink(agency, practitionerId);
  }

  listSubjects(segment: number, totalSegments: number): Promise<SubjectRef[]> {
    return this.directory.listSubjects(segment, totalSegments);
  }

  // --- results -----------------------------------------------------------------------------------

  getSnapshot(subject: SubjectRef, year: number): Promise<StoredSnapshot | null> {
    return this.snapshots.getSnapshot(subject, year);
  }

  getPublished(subject: SubjectRef, year: number): Promise<PublishedGradeItem | null> {
    return this.publishedResults.getPublished(subject, year);
  }

  latestPublished(subject: SubjectRef): Promise<PublishedGradeItem | null> {
    return this.publishedResults.latestPublished(subject);
  }

  putPublished(subject: SubjectRef, item: PublishedGradeItem): Promise<boolean> {
    return this.publishedResults.putPublished(subject, item);
  }

  reissuePublished(
    subject: SubjectRef,
    item: PublishedGradeItem,
    issue: number,
    expectedIssue: number,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.publishedResults.reissuePublished(subject, item, issue, expectedIssue, audit);
  }

  // --- profiles, repair applications, audit ------------------------------------------------------

  getProfile(subject: SubjectRef): Promise<StoredProfile | null> {
    return this.profiles.getProfile(subject);
  }

  putProfile(profile: StoredProfile, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.profiles.putProfile(profile, expectedVersion, audit);
  }

  repairApplications(subject: SubjectRef): Promise<RepairApplication[]> {
    return this.repairs.repairApplications(subject);
  }

  putRepairApplication(app: RepairApplication, expectedVersion: number | null, audit: AuditEntry): Promise<boolean> {
    return this.repairs.putRepairApplication(app, expectedVersion, audit);
  }

  auditOf(subject: SubjectRef): Promise<AuditEntry[]> {
    return this.audit.auditOf(subject);
  }

  auditRefusal(entry: AuditEntry): Promise<void> {
    return this.audit.auditRefusal(entry);
  }
}
