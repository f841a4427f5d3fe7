import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { isLeagueCode } from '../../domain/identifiers/leagues.ts';
import {
  type Objection,
  type ObjectionInput,
  objectionIdOf,
  objectionInputIssues,
  windowFor,
} from '../../domain/objections/objection.ts';
import type { LookupScore } from '../lookup/lookupScore.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import { EVIDENCE_KEY, evidencePrefixOf } from '../ports/evidenceStore.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { ProfileStore, SubjectRef } from '../ports/store.ts';
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
import type { ObjectionActs } from './objectionActs.ts';

export type FileRefusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

/** The subject a participant is, from its claims. */
export const selfOfClaims = (claims: { role: string; subject?: string }): SubjectRef | null =>
  (claims.role === 'agency' || claims.role === 'enterprise') && claims.subject
    ? { kind: claims.role, id: claims.subject }
    : null;

/** The counted and pending records of the participant's year, as its live result lists them. */
export const ownRecordsOf = async (
  lookup: Pick<LookupScore, 'execute'>,
  caller: Caller,
  self: SubjectRef,
  year: number,
): Promise<Set<string>> => {
  const found = await lookup.execute(caller, { kind: self.kind, id: self.id, year: String(year) });
  if (found.status !== 'ok' || !('items' in found.body)) return new Set();
  const body = found.body as { items: { eventId: string }[]; pending?: { eventId: string }[] };
  return new Set([...body.items.map((i) => i.eventId), ...(body.pending ?? []).map((p) => p.eventId)]);
};

/**
 * A participant objects to records of its confirmation notice, or to its pre-grade as a whole
 * (Art 17(3), 18(4)), within the confirmation window. Crash-safe: the objection is stored first under
 * an id derived from what is filed, then the cycle receives it (`objectionReceived`, which puts its
 * review limit on the deadline path); submitting the same objection again changes nothing but records
 * the act if a crash left it unrecorded.
 */
export class FileObjection {
  constructor(
    private readonly store: ProfileStore,
    private readonly objections: ObjectionStore,
    private readonly cycles: CycleStore,
    private readonly acts: ObjectionActs,
    private readonly lookup: Pick<LookupScore, 'execute'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    cycleOf: { readonly year: number; readonly kind: CycleKind },
    input: ObjectionInput,
  ): Promise<Outcome<{ readonly objection: Objection; readonly filed: boolean }, FileRefusal>> {
    const auth = authorize(caller, 'objection.file');
    if (!auth.ok) return auth.refusal;
    const self = selfOfClaims(auth.claims);
    if (!self || self.kind !== cycleOf.kind) return { status: 'forbidden' };
    const profile = await this.store.getProfile(self);
    const subject = profile?.subject;
    const league = subject && 'league' in subject ? subject.league : null;
    if (!subject || !league || !isLeagueCode(league)) return notFound;
    const cycle = await this.cycles.getCycle(cycleOf.year, cycleOf.kind);
    if (!cycle) return notFound;
    const id = objectionIdOf(self, cycleOf.year, input);
    const existing = await this.objections.objection(self, id);
    if (existing) {
      if (existing.status === 'open' && existing.kind === 'confirmation')
        await this.acts.received(auth.claims, existing);
      return ok({ objection: existing, filed: false });
    }
    const window = windowFor(cycle, league, this.clock.now().toISOString());
    if (!window.open) return conflict('WINDOW_CLOSED', window.reason);
    const issues = objectionInputIssues(input, await ownRecordsOf(this.lookup, caller, self, cycleOf.year));
    // Only the participant's own uploaded files may be named (the keys are the site's: evidenceStore.ts).
    if (input.evidenceFiles.some((k) => !EVIDENCE_KEY.test(k) || !k.startsWith(evidencePrefixOf(self))))
      issues.push({ path: 'evidenceFiles', message: '证明材料文件编号无效，请重新上传' });
    if (issues.length > 0) return invalid(issues);
    const at = this.clock.now().toISOString();
    const objection: Objection = {
      id,
      kind: cycle.kind === 'enterprise' ? 'publicity' : 'confirmation',
      cycle: { year: cycleOf.year, kind: cycleOf.kind },
      league,
      subject: self,
      subjectName: subject.name ?? self.id,
      records: [...input.records],
      preGrade: input.preGrade,
      reasons: input.reasons.trim(),
      evidenceFiles: [...input.evidenceFiles],
      filedAt: at,
      filedOn: legalDateOfInstant(this.clock.now()),
      filedBy: actorOf(auth.claims),
      windowClosesOn: window.closesOn,
      status: 'open',
      reviews: [],
      reviewedAt: null,
      reviewedBy: null,
    };
    const filed = await this.objections.file(objection, {
      subject: self,
      at,
      actor: objection.filedBy,
      action: 'objection.filed',
      what: {
        objectionId: id,
        records: objection.records,
        preGrade: objection.preGrade,
        files: objection.evidenceFiles.length,
      },
      why: objection.reasons,
    });
    const stored = filed === 'filed' ? objection : ((await this.objections.objection(self, id)) ?? objection);
    // An enterprise's objection goes to the region's review group (Art 8); the cycle has no case for it.
    if (stored.kind === 'publicity') return ok({ objection: stored, filed: filed === 'filed' });
    const act = await this.acts.received(auth.claims, stored);
    if (!act.ok) return conflict(act.code, act.message);
    return ok({ objection: stored, filed: filed === 'filed' });
  }
}
