import type { CommentStore } from '../ports/comments.ts';
import type { CommitmentStore } from '../ports/commitments.ts';
import type { RepairQueueReader, SubjectListing } from '../ports/consoleLists.ts';
import type { CreditPlatform, PushBatch } from '../ports/creditPlatform.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { FilingStore } from '../ports/filings.ts';
import type { FinalResultStore } from '../ports/finalResults.ts';
import type { TokenVerifier, WebhookSecrets } from '../ports/identity.ts';
import type { LeagueReportStore } from '../ports/leagueReports.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { PractitionerFilingStore } from '../ports/practitionerFilings.ts';
import type { PublishedDirectory } from '../ports/publishedDirectory.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { ReviewStore } from '../ports/reviews.ts';
import type { Scheduler } from '../ports/scheduler.ts';
import type { CreditStore } from '../ports/store.ts';
import type { VoluntaryStore } from '../ports/voluntary.ts';
import type { WarningStore } from '../ports/warnings.ts';
import type { Clock } from '../shared/clock.ts';
import type { createLogger } from '../shared/logger.ts';

/** A queue of JSON messages (`rescore`, `push`). */
export interface JsonQueue<T> {
  send(messages: readonly T[]): Promise<void>;
}

/**
 * What a composition takes from its platform: on AWS the adapters of `./aws/`, built from the
 * function's environment when first asked for (one module per AWS service, so that a bundle imports
 * only the SDK clients its function uses); in the local runtime (`infra/local/runtime.ts`) DynamoDB
 * Local, the SQS server, the local scheduler and an adjustable clock. Each `compose…` takes only the
 * edges its function uses (`Pick<Edges, …>`), so a composition root builds nothing more.
 */
export interface Edges {
  readonly clock: Clock;
  readonly logger: typeof createLogger;
  readonly store: CreditStore;
  readonly cycleStore: CycleStore;
  /** The bureau console's lists: subjects by league with live grades, the repair queue (reads only). */
  readonly consoleLists: SubjectListing & RepairQueueReader;
  /** The public site's published lists: years, a year's list, the name search, grade counts (reads only). */
  readonly publishedDirectory: PublishedDirectory;
  /** The signed credit commitment letters (Annex 4, 5): written once by the portal, read by the public site. */
  readonly commitments: CommitmentStore;
  /** The lists of participants of each cycle and league, with their audit trails. */
  readonly participants: ParticipantStore;
  /** Applications to take part of one's own accord (Art 6(8)), beside the lists they would join. */
  readonly voluntary: VoluntaryStore;
  /** Practitioners filed by their employers (Art 18(1)), before the league bureau lists them. */
  readonly practitionerFilings: PractitionerFilingStore;
  /** Notices issued to participants (unchangeable once issued), with their read receipts. */
  readonly notices: NoticeStore;
  /** Participants' filings (Art 20), one per participant and year. */
  readonly filings: FilingStore;
  /** Credit warnings' documents (Art 21-22): issued, reported, confirmed; indexed by issuing bureau. */
  readonly warnings: WarningStore;
  /** Objections of participants and their reviews (Art 17(3), 18(4)), and confirmations (确认无误). */
  readonly objections: ObjectionStore;
  /** The leagues' reports (上报名单) and the region's quality checks (Art 16(2), 17(3), 18(4); Art 8). */
  readonly leagueReports: LeagueReportStore;
  /** The public's comments during publicity and their findings (Art 16(3)-(4), 17(4)), with the comment rate windows. */
  readonly comments: CommentStore;
  /** The review group's decisions (复核审定, Art 8, 16(4), 17(6), 18(5)). */
  readonly reviews: ReviewStore;
  /** The year's final results, frozen at 复核审定 and published from (Art 16(4)-(5), 17(6)-(7)). */
  readonly finalResults: FinalResultStore;
  readonly recordQueue: RecordQueue;
  readonly rescoreQueue: JsonQueue<unknown>;
  readonly pushQueue: JsonQueue<PushBatch>;
  readonly scheduler: Scheduler;
  readonly tokenVerifier: TokenVerifier;
  readonly webhookSecrets: WebhookSecrets;
  readonly creditPlatform: CreditPlatform;
  /** Unapplied claims younger than this are left to the queue; older ones are swept (docs/ingestion.md). */
  readonly sweepOlderThanSeconds: number;
}

/**
 * The part of the record store a composition uses: the whole `CreditStore` in the local runtime, on
 * AWS only the adapters of those ports (`./aws/dynamo.ts`, joined with `joinPorts`).
 */
export interface StoreEdge<S> {
  readonly store: S;
}
