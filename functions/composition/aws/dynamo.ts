import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAuditLog } from '../../adapters/dynamoAudit.ts';
import { DynamoClaims } from '../../adapters/dynamoClaims.ts';
import { DynamoComments } from '../../adapters/dynamoComments.ts';
import { DynamoCommitments } from '../../adapters/dynamoCommitments.ts';
import { DynamoCycleStore } from '../../adapters/dynamoCycleStore.ts';
import { DynamoSubjectDirectory } from '../../adapters/dynamoDirectory.ts';
import { DynamoStoreHealth, documentClient } from '../../adapters/dynamoDocument.ts';
import { DynamoFilings } from '../../adapters/dynamoFilings.ts';
import { DynamoFinalResults } from '../../adapters/dynamoFinalResults.ts';
import { DynamoLeagueReports } from '../../adapters/dynamoLeagueReports.ts';
import { DynamoNotices } from '../../adapters/dynamoNotices.ts';
import { DynamoObjections } from '../../adapters/dynamoObjections.ts';
import { DynamoParticipants } from '../../adapters/dynamoParticipants.ts';
import { DynamoPractitionerFilings } from '../../adapters/dynamoPractitionerFilings.ts';
import { DynamoProfiles } from '../../adapters/dynamoProfiles.ts';
import { DynamoPublishedResults } from '../../adapters/dynamoPublished.ts';
import { DynamoPublishedDirectory } from '../../adapters/dynamoPublishedDirectory.ts';
import { DynamoRepairQueue } from '../../adapters/dynamoRepairQueue.ts';
import { DynamoRepairApplications } from '../../adapters/dynamoRepairs.ts';
import { DynamoReviews } from '../../adapters/dynamoReviews.ts';
import { DynamoSnapshotReader } from '../../adapters/dynamoSnapshots.ts';
import { DynamoSubjectListing } from '../../adapters/dynamoSubjectListing.ts';
import { DynamoRecordReader, DynamoSubjectReader } from '../../adapters/dynamoSubjectReader.ts';
import { DynamoSubjectRecords } from '../../adapters/dynamoSubjects.ts';
import { DynamoVoluntary } from '../../adapters/dynamoVoluntary.ts';
import { DynamoWarnings } from '../../adapters/dynamoWarnings.ts';
import type { CommentStore } from '../../ports/comments.ts';
import type { CommitmentStore } from '../../ports/commitments.ts';
import type { RepairQueueReader, SubjectListing } from '../../ports/consoleLists.ts';
import type { FilingStore } from '../../ports/filings.ts';
import type { FinalResultStore } from '../../ports/finalResults.ts';
import type { LeagueReportStore } from '../../ports/leagueReports.ts';
import type { NoticeStore } from '../../ports/notices.ts';
import type { ObjectionStore } from '../../ports/objections.ts';
import type { ParticipantStore } from '../../ports/participants.ts';
import type { PractitionerFilingStore } from '../../ports/practitionerFilings.ts';
import type { PublishedDirectory } from '../../ports/publishedDirectory.ts';
import type { ReviewStore } from '../../ports/reviews.ts';
import type {
  AuditLog,
  ClaimStore,
  OutboxStore,
  ProfileStore,
  PublishedResultStore,
  RepairApplicationStore,
  SnapshotGroupStore,
  SnapshotReader,
  StoreHealth,
  SubjectBatchStore,
  SubjectDirectory,
  SubjectRecordStore,
} from '../../ports/store.ts';
import type { VoluntaryStore } from '../../ports/voluntary.ts';
import type { WarningStore } from '../../ports/warnings.ts';
import { requireEnv } from '../../shared/env.ts';

/**
 * The table's adapters, one per port of `functions/ports/store.ts`: a composition root builds the
 * ones its function uses (joined with `joinPorts` when a use case asks for several), so that its
 * bundle carries no other adapter (docs/aws.md "Bundle sizes"). Each is typed as its port only.
 */
let client: DynamoDBClient | undefined;
const dynamo = (): DynamoDBClient => (client ??= new DynamoDBClient({}));
let doc: DynamoDBDocumentClient | undefined;
const documents = (): DynamoDBDocumentClient => (doc ??= documentClient(dynamo()));
const table = (): string => requireEnv('table');

export const claimStore = (): ClaimStore & OutboxStore => new DynamoClaims(documents(), table());
export const subjectRecords = (): SubjectRecordStore & SubjectBatchStore & SnapshotGroupStore =>
  new DynamoSubjectRecords(documents(), table());
/** Records by eventId, for a function that reads them only. */
export const recordReader = (): Pick<SubjectRecordStore, 'loadRecords'> => new DynamoRecordReader(documents(), table());
/** A subject's partition and records by eventId, for a function that reads them only. */
export const subjectReader = (): Pick<SubjectRecordStore, 'loadSubject' | 'loadRecords'> =>
  new DynamoSubjectReader(documents(), table());
export const snapshotReader = (): SnapshotReader => new DynamoSnapshotReader(documents(), table());
export const publishedResults = (): PublishedResultStore => new DynamoPublishedResults(documents(), table());
export const profiles = (): ProfileStore => new DynamoProfiles(documents(), table());
export const repairApplications = (): RepairApplicationStore => new DynamoRepairApplications(documents(), table());
export const auditLog = (): AuditLog => new DynamoAuditLog(documents(), table());
export const subjectDirectory = (): SubjectDirectory => new DynamoSubjectDirectory(documents(), table());
export const storeHealth = (): StoreHealth => new DynamoStoreHealth(documents(), table());
export const cycleStore = (): DynamoCycleStore => new DynamoCycleStore(dynamo(), table());
/** The pages' lists (reads only): the console's subjects and repair queue, the public site's published lists. */
export const subjectListing = (): SubjectListing => new DynamoSubjectListing(documents(), table());
export const repairQueue = (): RepairQueueReader => new DynamoRepairQueue(documents(), table());
export const publishedDirectory = (): PublishedDirectory => new DynamoPublishedDirectory(documents(), table());
/** The signed credit commitment letters (Annex 4, 5). */
export const commitments = (): CommitmentStore => new DynamoCommitments(documents(), table());
export const participants = (): ParticipantStore => new DynamoParticipants(documents(), table());
/** Applications to take part of one's own accord (Art 6(8)). */
export const voluntary = (): VoluntaryStore => new DynamoVoluntary(documents(), table());
/** Practitioners filed by their employers (Art 18(1)). */
export const practitionerFilings = (): PractitionerFilingStore => new DynamoPractitionerFilings(documents(), table());
export const notices = (): NoticeStore => new DynamoNotices(documents(), table());
export const leagueReports = (): LeagueReportStore => new DynamoLeagueReports(documents(), table());
/** The review group's decisions (Art 8). */
export const reviews = (): ReviewStore => new DynamoReviews(documents(), table());
/** The year's final results, frozen at 复核审定 (Art 16(4), 17(6)). */
export const finalResults = (): FinalResultStore => new DynamoFinalResults(documents(), table());
/** The public's comments during publicity and their findings (Art 16(3)-(4)). */
export const comments = (): CommentStore => new DynamoComments(documents(), table());
/** Credit warnings' documents (Art 21-22). */
export const warnings = (): WarningStore => new DynamoWarnings(documents(), table());
/** Objections and their reviews (Art 17(3), 18(4)). */
export const objections = (): ObjectionStore => new DynamoObjections(documents(), table());
/** Participants' filings (Art 20). */
export const filings = (): FilingStore => new DynamoFilings(documents(), table());
