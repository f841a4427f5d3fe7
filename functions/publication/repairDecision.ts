import type { LegalDate } from '../../domain/dates.ts';
import type { RepairApplication, SubjectRef } from '../ports/store.ts';

/** An approved repair as the re-issue of published results needs it (Art 23 ¶2). */
export interface RepairDecision {
  readonly subject: SubjectRef;
  readonly applicationId: string;
  readonly eventIds: readonly string[];
  readonly decidedOn: LegalDate;
  /** The approver, as the audit names staff (`staff:<role>:<jurisdiction>[:<sub>]`). */
  readonly decidedBy: string;
  /** The deciding bureau's jurisdiction code (the league, or the region `150000`). */
  readonly bureau: string;
  readonly at: string;
}

/** One year's published result, re-issued as its next issue, and the key of its correction. */
export interface Reissued {
  readonly year: number;
  readonly version: number;
  readonly batchId: string;
}

/** What follows an approval: its re-issue, completed (the seam the decision calls). */
export interface CompleteReissue {
  complete(
    app: RepairApplication,
    at: string,
  ): Promise<{ readonly application: RepairApplication; readonly reissued: Reissued[] }>;
}

/** The bureau that decided, from the approver as the audit names it (`staff:league:150600:…`). */
const bureauOf = (decidedBy: string): string => decidedBy.split(':')[2] ?? '150000';

/** The decision of an approved application; null while it is not approved and decided. */
export const decisionOf = (app: RepairApplication, at: string): RepairDecision | null =>
  app.status !== 'approved' || app.decidedOn === null || app.decidedBy === null
    ? null
    : {
        subject: app.subject,
        applicationId: app.id,
        eventIds: [app.eventId],
        decidedOn: app.decidedOn,
        decidedBy: app.decidedBy,
        bureau: bureauOf(app.decidedBy),
        at,
      };
