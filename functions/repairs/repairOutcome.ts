import { randomUUID } from 'node:crypto';
import { SUBJECT_KINDS, type SubjectKind } from '../../domain/catalogue/kinds.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import { type DeadlineTarget, type Scheduler, subjectOwner } from '../ports/scheduler.ts';
import type { AuditEntry, RepairApplication, RepairApplicationStore, SubjectRef } from '../ports/store.ts';
import type { Forbidden, Unauthorized } from '../shared/errors.ts';

/**
 * What the repair use cases answer (Art 23–27): expected outcomes are values, which only the
 * handler turns into HTTP codes.
 */
export type RepairOutcome<T> =
  | {
      readonly status: 'ok';
      readonly value: T;
      /** The decision is stored but its re-issue failed for now (the nightly run completes it): for the log. */
      readonly reissueDeferred?: { readonly applicationId: string; readonly error: unknown };
    }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'refused'; readonly reasons: string[] }
  | { readonly status: 'notFound' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'unauthorized' }
  | { readonly status: 'conflict'; readonly message: string };

/** A refusal of the one policy (functions/shared/policy.ts) as a repair outcome. */
export const refusedBy = (refusal: Unauthorized | Forbidden): RepairOutcome<never> =>
  refusal.status === 'forbidden' ? { status: 'forbidden' } : { status: 'unauthorized' };

export const subjectRefOf = (kind: string, id: string): SubjectRef | null =>
  (SUBJECT_KINDS as readonly string[]).includes(kind) ? { kind: kind as SubjectKind, id } : null;

/** The verification limit of an application (Art 23 ¶2: 20 working days), a deadline like every other. */
export const verificationDeadline = (app: RepairApplication): DeadlineTarget => ({
  kind: 'repair',
  owner: subjectOwner(app.subject),
  deadlineId: app.id,
  at: app.verifyBy.at,
});

/** A new application, pending its bureau's verification by `verify` (Art 23 ¶2, Art 25). */
export const pendingApplication = (
  of: Pick<RepairApplication, 'subject' | 'eventId' | 'appliedOn' | 'evidence' | 'evidenceFiles' | 'impactEliminated'>,
  verify: RepairApplication['verifyBy'],
): RepairApplication => ({
  id: randomUUID(),
  ...of,
  verifyBy: { on: verify.on, at: verify.at, provisional: verify.provisional },
  status: 'pending',
  overdue: false,
  decidedOn: null,
  decidedBy: null,
  reason: null,
  version: 1,
});

/** Files an accepted application: stored with its audit entry, its verification limit indexed and scheduled. */
export const fileApplication = async (
  deps: { readonly store: RepairApplicationStore; readonly cycles: CycleStore; readonly scheduler: Scheduler },
  app: RepairApplication,
  audit: Omit<AuditEntry, 'subject' | 'action' | 'why'>,
): Promise<RepairOutcome<RepairApplication>> => {
  await deps.store.putRepairApplication(app, null, {
    subject: app.subject,
    ...audit,
    action: 'repair.applied',
    what: { applicationId: app.id, ...audit.what, verifyBy: app.verifyBy.on },
    why: app.evidence,
  });
  await deps.cycles.indexDeadline(verificationDeadline(app));
  await deps.scheduler.schedule(verificationDeadline(app));
  return { status: 'ok', value: app };
};
