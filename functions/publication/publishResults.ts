import { createHash } from 'node:crypto';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LegalDate } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { PractitionerResult, ScoredResult, SubjectResult } from '../../domain/evaluation/result.ts';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import type { CountedRecord } from '../../domain/notices/dishonestLetter.ts';
import { incentivesWithheld, resultsNotice, resultsNoticeId } from '../../domain/notices/results.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { PublishedEntry, PushBatch } from '../ports/creditPlatform.ts';
import type { FinalResult, FinalResultStore } from '../ports/finalResults.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type {
  PublishedGradeItem,
  PublishedResultStore,
  RepairApplicationStore,
  SubjectDirectory,
  SubjectPartition,
  SubjectRecordStore,
  SubjectRef,
} from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { ConfigurationError, EcocreditError } from '../shared/errors.ts';
import { evaluateStored } from '../shared/subjectEvaluation.ts';
import { chunks, registeredListed } from '../shared/subjects.ts';
import { issueOf, publishedShape, withApprovedRepairs } from './publishedShape.ts';

/**
 * Publication (Art 16(5), 17(7)): when the region publishes a year's results, every enterprise or
 * agency on that year's lists of participants (Art 16(1), 17(1): the later stages run over the lists)
 * gets its final result of that year as of the publication date, which the public lookup
 * serves from then on. Suspended subjects (I15) get no published grade; practitioners are never
 * published (Art 18(6), Art 35). The published result lists the year's own records and the
 * carried-over ones (Art 19, `publishedResult`), each repaired record with its repair date.
 * Fanned out in batches; writing a published result twice is harmless, and never replaces a result
 * re-issued since.
 */
export interface PublicationMessage {
  readonly type: 'publish';
  /** A practitioner's message only ever freezes (Art 18(5)); practitioners are never published (Art 18(6)). */
  readonly kind: CycleKind;
  readonly year: number;
  readonly publishedOn: LegalDate;
  readonly subjects: readonly SubjectRef[];
  /** Freezes the final results on `publishedOn` (复核审定, Art 16(4), 17(6)) instead of publishing them. */
  readonly freeze?: true | undefined;
}

export const PUBLICATION_BATCH = 25;

/**
 * Plans a year's publication: one message per batch of the registered subjects of the kind that are on
 * the year's lists (`listed`); returns how many subjects. It reads only the directory of subjects and
 * the lists, so a function that only plans (the cycles API) carries nothing of the evaluation.
 */
export const planPublication = async (
  directory: SubjectDirectory,
  listed: ReadonlySet<string>,
  kind: CycleKind,
  year: number,
  publishedOn: LegalDate,
  send: (m: readonly PublicationMessage[]) => Promise<void>,
  segments = 4,
  freeze = false,
): Promise<number> => {
  // Art 18(6): practitioners' results are never published; they are frozen at 复核审定 (Art 18(5)).
  if (kind === 'practitioner' && !freeze) return 0;
  const subjects = await registeredListed(directory, listed, kind, segments);
  await send(
    chunks(subjects, PUBLICATION_BATCH).map((batch) => ({
      type: 'publish',
      kind,
      year,
      publishedOn,
      subjects: batch,
      ...(freeze ? { freeze: true as const } : {}),
    })),
  );
  return subjects.length;
};

/**
 * Plans the freezing of a year's final results when the region records 复核审定 (`reviewConfirmed`,
 * Art 16(4), 17(6), 18(5)): the same batches as publication, each subject evaluated on `on` and stored
 * as the year's final result, which publication then publishes (practitioners' are only notified to
 * the leagues, Art 18(6)).
 */
export const planFreeze = (
  directory: SubjectDirectory,
  listed: ReadonlySet<string>,
  kind: CycleKind,
  year: number,
  on: LegalDate,
  send: (m: readonly PublicationMessage[]) => Promise<void>,
): Promise<number> => planPublication(directory, listed, kind, year, on, send, 4, true);

/**
 * A subject's result of a year as of a day, as the final result is made (Art 16(4)-(5), 17(6)-(7)):
 * Art 23 ¶1, repairs confirmed during the publicity are in it, even while their decision is still on
 * its way to the stored record. Shared by publication, the frozen final results and the review.
 */
export const evaluateFinal = async (
  store: SubjectRecordStore & RepairApplicationStore,
  ref: SubjectRef,
  partition: SubjectPartition,
  year: number,
  on: LegalDate,
): Promise<{ readonly result: SubjectResult | undefined; readonly records: CreditRecord[] }> => {
  const records = withApprovedRepairs(
    partition.records.map((r) => r.record),
    await store.repairApplications(ref),
  );
  const evaluated = await evaluateStored(store, ref, partition, records, [year], on);
  return { result: evaluated.results.get(year), records };
};

export class PublishResults {
  constructor(
    private readonly store: SubjectRecordStore & PublishedResultStore & RepairApplicationStore,
    /** Hands each published batch to the push queue (Art 16(6), 17(8)). */
    private readonly push?: (batch: PushBatch) => Promise<void>,
    /** The year's final results, frozen at 复核审定: what is published (absent: evaluated on the day). */
    private readonly finals?: FinalResultStore,
    /** Tells each unit its published result in writing (评价结果通知, Art 16(5), 17(7)). */
    private readonly results?: { readonly notices: Pick<NoticeStore, 'issue'>; readonly clock: Clock },
  ) {}

  /**
   * Publishes the results of one batch and pushes them; returns how many were published. Each
   * subject is published on its own: one that fails is set aside, the others are published and
   * pushed, then the message fails (`PublicationIncompleteError`) so that its retry publishes the rest.
   */
  async execute(m: PublicationMessage): Promise<number> {
    const entries: PublishedEntry[] = [];
    const failed: { subject: SubjectRef; error: unknown }[] = [];
    for (const ref of m.subjects) {
      try {
        const entry = await this.one(ref, m);
        if (entry) entries.push(entry);
      } catch (error) {
        failed.push({ subject: ref, error });
      }
    }
    if (this.push && entries.length > 0 && m.kind !== 'practitioner') {
      const batchId = createHash('sha256')
        .update(`${m.kind}|${m.year}|${m.publishedOn}|${entries.map((e) => e.uscc).join(',')}`)
        .digest('hex')
        .slice(0, 32);
      await this.push({ type: 'push', batchId, kind: m.kind, year: m.year, publishedOn: m.publishedOn, entries });
    }
    if (failed.length > 0)
      throw new PublicationIncompleteError(
        `results of ${m.year} not published for ${failed.map((f) => `${f.subject.kind}:${f.subject.id}`).join(', ')}`,
        { cause: failed[0]!.error },
      );
    return entries.length;
  }

  /** One subject's result, stored as published (or frozen); null when it gets none or was re-issued since. */
  private async one(ref: SubjectRef, m: PublicationMessage): Promise<PublishedEntry | null> {
    const partition = await this.store.loadSubject(ref);
    if (m.freeze) {
      // 复核审定 (Art 16(4), 17(6)): frozen once, on its day; a second freeze changes nothing.
      if (!this.finals) throw new ConfigurationError('freezing the final results needs their store');
      if (await this.finals.finalResult(m.year, m.kind, ref.id)) return null;
      const frozen = await this.evaluated(ref, partition, m);
      if (frozen) await this.finals.freeze([frozen]);
      return null;
    }
    if (m.kind === 'practitioner') return null; // Art 18(6): never published
    // A re-delivered message never overwrites a result re-issued since (Art 23).
    if (partition.published.some((p) => p.year === m.year)) {
      const existing = await this.store.getPublished(ref, m.year);
      if (existing && issueOf(existing.result) > 1) return null;
    }
    // What is published is the final result frozen at 复核审定 (Art 16(5), 17(7): the review determines
    // the result, publication makes it public), whatever the records say since; without one (no review
    // recorded for the year), the result evaluated on the publication date.
    const final = (await this.finals?.finalResult(m.year, m.kind, ref.id)) ?? (await this.evaluated(ref, partition, m));
    if (!final?.grade || final.score === null || !final.result) return null; // I15: suspended, no grade
    // False: re-issued between the check above and this write; the re-issue stays (Art 23).
    if (
      !(await this.store.putPublished(ref, {
        year: m.year,
        grade: final.grade,
        publishedOn: m.publishedOn,
        result: final.result as unknown as PublishedGradeItem['result'],
      }))
    )
      return null;
    const { name, league, grade, score, blacklisted } = final;
    // Art 32: an A or B without incentives (filed late or untruthfully) is told so, not promised them.
    const measures = (final.result as { readonly measures?: readonly { readonly type: string }[] }).measures ?? [];
    await this.notifyResult(ref, m.kind, m, {
      name,
      league,
      grade,
      score,
      blacklisted,
      incentivesWithheld: incentivesWithheld(grade, measures),
    });
    return { uscc: ref.id, name, league, grade, score, blacklisted };
  }

  /** The unit's results notice, issued once (its id is the year's and kind's: a retry changes nothing). */
  private async notifyResult(
    ref: SubjectRef,
    kind: 'enterprise' | 'agency',
    m: PublicationMessage,
    r: {
      name: string;
      league: string;
      grade: Grade;
      score: number;
      blacklisted: boolean;
      incentivesWithheld: boolean;
    },
  ): Promise<void> {
    // Listed with the unit's league, whose bureau sees whether it was read (docs/notices.md).
    if (!this.results || !isLeagueCode(r.league)) return;
    const text = resultsNotice({ year: m.year, kind, code: ref.id, ...r, publishedOn: m.publishedOn });
    await this.results.notices.issue({
      id: resultsNoticeId(m.year, m.kind),
      kind: 'results',
      to: ref,
      toName: r.name,
      league: r.league,
      year: m.year,
      title: text.title,
      body: text.body,
      deadline: null,
      issuedAt: this.results.clock.now().toISOString(),
      issuedBy: 'system:publication',
    });
  }

  /** The subject's final result of the year evaluated on the message's date. */
  private async evaluated(
    ref: SubjectRef,
    partition: SubjectPartition,
    m: PublicationMessage,
  ): Promise<FinalResult | null> {
    const { result, records } = await evaluateFinal(this.store, ref, partition, m.year, m.publishedOn);
    if (!result) return null;
    if (result.subject.kind === 'practitioner')
      return practitionerFinal(m, ref, partition, result as PractitionerResult, records);
    if (m.kind === 'practitioner') return null;
    const r = result as ScoredResult;
    return {
      year: m.year,
      kind: m.kind,
      code: ref.id,
      name: r.subject.name,
      league: r.subject.league,
      evaluatedOn: m.publishedOn,
      grade: r.grade,
      score: r.grade && r.score,
      blacklisted: r.blacklisted,
      result: r.grade && (publishedShape(r, records) as unknown as FinalResult['result']),
    };
  }
}

/**
 * A practitioner's final result (Art 18(5)): 环保失信个人 or not (Art 13; null when suspended, I15),
 * with the records counted in the finding and their jurisdictions (Art 18(3)), from which the leagues
 * are notified and the letters written (Art 18(6)). No grade, score or published shape: never public.
 */
const practitionerFinal = (
  m: PublicationMessage,
  ref: SubjectRef,
  partition: SubjectPartition,
  r: PractitionerResult,
  records: readonly CreditRecord[],
): FinalResult => {
  const byId = new Map(records.map((c) => [c.eventId, c]));
  const counted: CountedRecord[] = r.items
    .filter((i) => i.state === 'counted')
    .flatMap((i) => {
      const c = byId.get(i.eventId);
      return c
        ? [
            {
              eventId: i.eventId,
              rule: i.rule,
              wording: i.wording,
              occurredOn: i.occurredOn,
              department: c.department,
              league: c.league,
            },
          ]
        : [];
    });
  const subject = partition.profile?.subject;
  const league = subject && 'league' in subject && typeof subject.league === 'string' ? subject.league : '';
  return {
    year: m.year,
    kind: 'practitioner',
    code: ref.id,
    name: r.subject.name ?? (subject && 'name' in subject && typeof subject.name === 'string' ? subject.name : ''),
    league,
    evaluatedOn: m.publishedOn,
    grade: null,
    score: null,
    blacklisted: false,
    result: null,
    dishonest: r.dishonest,
    leagues: [...new Set(counted.map((c) => c.league))].sort(),
    records: counted,
  };
};

export class PublicationIncompleteError extends EcocreditError {
  override readonly name = 'PublicationIncompleteError';
}
