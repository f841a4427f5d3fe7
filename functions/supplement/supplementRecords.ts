import { SUBJECT_KINDS, type SubjectKind } from '../../domain/catalogue/kinds.ts';
import { isLeagueCode, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import {
  type RecordVerification,
  type SupplementInput,
  supplementEventId,
  supplementOpen,
} from '../../domain/objections/supplement.ts';
import type { CreditRecord } from '../../domain/records/creditRecord.ts';
import type { ReviseRecords } from '../objections/reviseRecords.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { ProfileStore, SubjectRecordStore, SubjectRef } from '../ports/store.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

export type SupplementRefusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/** Where a record came from and who verified it (信息产生部门 / 补充 / 核实). */
export interface RecordProvenance {
  readonly eventId: string;
  readonly department: string;
  /** The reporting source (a platform's name, or `bureau:<league>` for a record a bureau supplemented). */
  readonly source: string;
  readonly supplementedBy: LeagueCode | null;
  readonly verified: RecordVerification | null;
}

/**
 * Supplement and verification (Art 17(2), 18(2) "谁产生、谁补充、谁核实"): in SUPPLEMENT the league
 * bureau adds a record from another source, naming the department that produced it, through the
 * created-records claim path (source `bureau:<league>`, so the score follows); it marks records
 * verified; and each record's provenance is read for the console. A form posted twice changes nothing.
 */
export class SupplementRecords {
  constructor(
    private readonly store: ProfileStore & Pick<SubjectRecordStore, 'loadSubject' | 'loadRecords'>,
    private readonly objections: ObjectionStore,
    private readonly cycles: CycleStore,
    private readonly revise: ReviseRecords,
    private readonly clock: Clock,
  ) {}

  /** The subject and its league, if the caller is its league's bureau (or the region). */
  private async subjectOf(caller: Caller, kind: string, id: string) {
    const auth = authorize(caller, 'objection.review');
    if (!auth.ok) return auth.refusal;
    if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) return notFound;
    const ref: SubjectRef = { kind: kind as SubjectKind, id };
    const subject = (await this.store.getProfile(ref))?.subject;
    const league = subject && 'league' in subject ? subject.league : null;
    if (!league || !isLeagueCode(league)) return notFound;
    const mine = authorize(caller, 'objection.review', { league });
    if (!mine.ok) return mine.refusal;
    return { status: 'ok' as const, ref, league, claims: mine.claims };
  }

  async supplement(
    caller: Caller,
    input: SupplementInput,
  ): Promise<Outcome<{ readonly eventId: string }, SupplementRefusal>> {
    const s = await this.subjectOf(caller, input.subject.kind, input.subject.id);
    if (s.status !== 'ok') return s;
    const cycles = (await this.cycles.listCycles()).filter((c) => c.kind === s.ref.kind);
    if (!cycles.some((c) => supplementOpen(c, s.league)))
      return conflict(
        'WRONG_STAGE',
        '当前不在“补充、归集、核实信息”阶段，不能补充信用信息（第十七条第二项、第十八条第二项）',
      );
    if (input.department.trim() === '') return invalid([{ path: 'department', message: '信息产生部门不能为空' }]);
    const eventId = supplementEventId(s.league, input);
    const record: CreditRecord = {
      eventId,
      subject: { kind: s.ref.kind, id: s.ref.id, siteId: null },
      rule: input.rule,
      occurredOn: input.occurredOn,
      department: input.department.trim(),
      league: s.league,
      fineYuan: input.fineYuan,
      clientEventId: null,
      legalBasis: null,
      caseNo: null,
      summary: input.summary,
      warning: null,
      rectifiedOn: null,
      repairedOn: null,
      revokedOn: null,
    };
    const out = await this.revise.create(record, `bureau:${s.league}`);
    if (out.status === 'invalid') return invalid(out.issues);
    if (out.status !== 'done') return conflict('BUSY', '信用信息正在处理，请稍后重试');
    return ok({ eventId });
  }

  async verify(
    caller: Caller,
    kind: string,
    id: string,
    eventId: string,
  ): Promise<Outcome<RecordVerification, SupplementRefusal>> {
    const s = await this.subjectOf(caller, kind, id);
    if (s.status !== 'ok') return s;
    const record = (await this.store.loadRecords([eventId])).get(eventId);
    if (!record || record.subject.kind !== s.ref.kind || record.subject.id !== s.ref.id) return notFound;
    const at = this.clock.now().toISOString();
    const verification: RecordVerification = { subject: s.ref, eventId, verifiedBy: actorOf(s.claims), verifiedAt: at };
    await this.objections.verify(verification, {
      subject: s.ref,
      at,
      actor: verification.verifiedBy,
      action: 'record.verified',
      what: { eventId },
      why: null,
    });
    const stored = (await this.objections.verificationsOf(s.ref)).find((v) => v.eventId === eventId);
    return ok(stored ?? verification);
  }

  async provenance(caller: Caller, ref: SubjectRef): Promise<RecordProvenance[]> {
    const s = await this.subjectOf(caller, ref.kind, ref.id);
    if (s.status !== 'ok') return [];
    const [partition, verifications] = await Promise.all([
      this.store.loadSubject(s.ref),
      this.objections.verificationsOf(s.ref),
    ]);
    return partition.records
      .map((r) => ({
        eventId: r.record.eventId,
        department: r.record.department,
        source: r.source,
        supplementedBy:
          r.source.startsWith('bureau:') && isLeagueCode(r.source.slice(7)) ? (r.source.slice(7) as LeagueCode) : null,
        verified: verifications.find((v) => v.eventId === r.record.eventId) ?? null,
      }))
      .sort((a, b) => a.eventId.localeCompare(b.eventId));
  }
}
