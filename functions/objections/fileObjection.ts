import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import {
  type Objection,
  type ObjectionInput,
  objectionIdOf,
  objectionInputIssues,
  windowFor,
} from '../../domain/objections/objection.ts';
import type { ListedEmployers } from '../lookup/listedEmployers.ts';
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
import { type ConfirmingSubject, confirmingSubject, type OnBehalf, selfOfClaims } from './confirmingSubject.ts';
import type { ObjectionActs } from './objectionActs.ts';

export type FileRefusal = Unauthorized | Forbidden | Invalid | NotFound | Conflict;

export { selfOfClaims };

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
 * the act if a crash left it unrecorded. A unit objects for a practitioner it filed and the bureau
 * listed (`onBehalf`, Art 18(4)): the objection is the practitioner's, `filedBy` the unit's user.
 */
export class FileObjection {
  constructor(
    private readonly store: ProfileStore,
    private readonly objections: ObjectionStore,
    private readonly cycles: CycleStore,
    private readonly acts: ObjectionActs,
    private readonly lookup: Pick<LookupScore, 'execute'>,
    private readonly clock: Clock,
    private readonly employers?: Pick<ListedEmployers, 'filingOf'>,
  ) {}

  async execute(
    caller: Caller,
    cycleOf: { readonly year: number; readonly kind: CycleKind },
    input: ObjectionInput,
    onBehalf?: string,
  ): Promise<Outcome<{ readonly objection: Objection; readonly filed: boolean }, FileRefusal>> {
    const who = await confirmingSubject(
      caller,
      this.store,
      this.employers,
      onBehalf === undefined ? undefined : ({ residentId: onBehalf, year: cycleOf.year } satisfies OnBehalf),
    );
    if (who.status !== 'ok') return who;
    const { subject: self, league, name, unit, claims }: ConfirmingSubject = who.value;
    if (self.kind !== cycleOf.kind) return { status: 'forbidden' };
    const cycle = await this.cycles.getCycle(cycleOf.year, cycleOf.kind);
    if (!cycle) return notFound;
    const id = objectionIdOf(self, cycleOf.year, input);
    const existing = await this.objections.objection(self, id);
    if (existing) {
      if (existing.status === 'open' && existing.kind === 'confirmation') await this.acts.received(claims, existing);
      return ok({ objection: existing, filed: false });
    }
    const window = windowFor(cycle, league, this.clock.now().toISOString());
    if (!window.open) return conflict('WINDOW_CLOSED', window.reason);
    const issues = objectionInputIssues(input, await ownRecordsOf(this.lookup, caller, self, cycleOf.year));
    // Only the signed-in unit's own uploaded files may be named (the keys are the site's: evidenceStore.ts).
    if (input.evidenceFiles.some((k) => !EVIDENCE_KEY.test(k) || !k.startsWith(evidencePrefixOf(unit))))
      issues.push({ path: 'evidenceFiles', message: '证明材料文件编号无效，请重新上传' });
    if (issues.length > 0) return invalid(issues);
    const at = this.clock.now().toISOString();
    const objection: Objection = {
      id,
      kind: cycle.kind === 'enterprise' ? 'publicity' : 'confirmation',
      cycle: { year: cycleOf.year, kind: cycleOf.kind },
      league,
      subject: self,
      subjectName: name,
      records: [...input.records],
      preGrade: input.preGrade,
      reasons: input.reasons.trim(),
      evidenceFiles: [...input.evidenceFiles],
      filedAt: at,
      filedOn: legalDateOfInstant(this.clock.now()),
      filedBy: actorOf(claims),
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
    const act = await this.acts.received(claims, stored);
    if (!act.ok) return conflict(act.code, act.message);
    return ok({ objection: stored, filed: filed === 'filed' });
  }
}
