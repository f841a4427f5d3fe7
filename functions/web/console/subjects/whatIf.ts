import { type CatalogueRule, isDeductionRule, ruleByCode } from '../../../../domain/catalogue/catalogue.ts';
import { legalDateOfInstant, yearOf } from '../../../../domain/dates.ts';
import type { ResultItem, SubjectResult } from '../../../../domain/evaluation/evaluateSubject.ts';
import { repairWait } from '../../../../domain/evaluation/repair.ts';
import { fromPoints } from '../../../../domain/points.ts';
import { type CreditRecord, parseCreditRecord } from '../../../../domain/records/creditRecord.ts';
import type { Subject } from '../../../../domain/subjects/subject.ts';
import type { SubjectRecordStore } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import { invalid, type Outcome, ok } from '../../../shared/errors.ts';
import { evaluateStored, leagueOf, publicShape, unregisteredSubject } from '../../../shared/subjectEvaluation.ts';
import { type ReadRefusal, refusalOfRead, subjectToRead } from './readAccess.ts';

/** What an officer is about to decide: a catalogue row for a subject, with the fine if the row needs one. */
export interface WhatIfQuestion {
  readonly kind: string;
  readonly id: string;
  readonly rule: string;
  readonly fineYuan?: string;
  readonly siteId?: string;
  readonly legalBasis?: string;
  readonly clientEventId?: string;
}

export interface WhatIfAnswer {
  readonly subject: Subject;
  readonly rule: CatalogueRule;
  /** The year the record would count in (the running year: it would occur today). */
  readonly year: number;
  readonly asOf: string;
  readonly before: SubjectResult;
  readonly after: SubjectResult;
  /** The would-be record in the result (its points, state and article); null when it would not show. */
  readonly item: ResultItem | null;
  /** Art 27 (I3): months after rectification before a repair may be applied for; null when no repair applies. */
  readonly repairWaitMonths: number | null;
  readonly impactEliminationRequired: boolean;
}

/** The would-be record's event id: never a stored one (it is never stored). */
export const WHAT_IF_EVENT_ID = 'WHAT-IF';

/**
 * The what-if of a penalty (docs/console.md): the subject's stored records as of today, plus the
 * record the officer is about to decide, evaluated by the domain exactly as a stored one would be —
 * and nothing is written. Staff see it for subjects in their jurisdiction (`subject.readLive`).
 */
export class WhatIfPenalty {
  constructor(
    private readonly store: SubjectRecordStore,
    private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, q: WhatIfQuestion): Promise<Outcome<WhatIfAnswer, ReadRefusal>> {
    const asked = subjectToRead(caller, q.kind, q.id);
    if (asked.status !== 'ok') return asked;
    const { ref, claims } = asked.value;
    const partition = await this.store.loadSubject(ref);
    const records = partition.records.map((r) => r.record);
    const known = partition.profile !== null || records.length > 0;
    const subject = partition.profile?.subject ?? unregisteredSubject(ref, records);
    const refused = refusalOfRead(caller, ref, known ? subject : null);
    if (refused) return refused;

    const today = legalDateOfInstant(this.clock.now());
    const year = yearOf(today);
    const hypothetical = parseCreditRecord({
      eventId: WHAT_IF_EVENT_ID,
      subject: { kind: ref.kind, id: ref.id, siteId: blankToNull(q.siteId) },
      rule: q.rule,
      occurredOn: today,
      department: `${claims.league ?? '150000'}-EEB`,
      league: leagueOf(subject) ?? claims.league ?? '150000',
      fineYuan: fine(q.fineYuan),
      legalBasis: blankToNull(q.legalBasis),
      clientEventId: blankToNull(q.clientEventId),
    });
    if (!hypothetical.ok) return invalid(hypothetical.issues);
    const rule = ruleByCode(q.rule)!;
    const evaluate = async (list: readonly CreditRecord[]) =>
      publicShape((await evaluateStored(this.store, ref, partition, list, [year], today)).results.get(year)!);
    const before = await evaluate(records);
    const after = await evaluate([...records, hypothetical.value]);
    const item = after.items.find((i) => i.eventId === WHAT_IF_EVENT_ID) ?? null;
    // Art 27 (I3): the wait after rectification depends on the record's own points; practitioners repair by Art 25.
    const wait =
      ref.kind !== 'practitioner' && isDeductionRule(rule) && item
        ? repairWait(fromPoints(item.points), rule.directD)
        : null;
    return ok({
      subject,
      rule,
      year,
      asOf: today,
      before,
      after,
      item,
      repairWaitMonths: wait?.months ?? null,
      impactEliminationRequired: wait?.impactEliminationRequired ?? false,
    });
  }
}

const blankToNull = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s.trim());

/** The fine as typed (yuan, digits with up to two decimals); anything else goes to the record's own check by name. */
const fine = (s: string | undefined): number | string | null => {
  const t = blankToNull(s);
  if (t === null) return null;
  const n = Number(t.replace(/,/g, ''));
  return /^[0-9,]+(\.[0-9]+)?$/.test(t) && Number.isFinite(n) ? n : t;
};
