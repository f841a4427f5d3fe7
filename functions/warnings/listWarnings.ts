import { legalDateOfInstant } from '../../domain/dates.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { CreditWarningDocument } from '../ports/warnings.ts';
import type { Caller } from '../shared/auth.ts';
import type { Forbidden, Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { viewsOf, type WarningPorts, type WarningView } from './warningPorts.ts';

export type ListWarningsOutcome =
  | { readonly status: 'ok'; readonly value: { readonly league?: string; readonly warnings: WarningView[] } }
  | Unauthorized
  | Forbidden;

/** Reported first (the bureau's work), then open and insufficient by deadline, then the ended ones. */
const ORDER: Readonly<Record<WarningView['status'], number>> = {
  reported: 0,
  open: 1,
  insufficient: 1,
  expired: 2,
  confirmed: 3,
};
const byUrgency = (a: WarningView, b: WarningView): number =>
  ORDER[a.status] - ORDER[b.status] ||
  a.doc.deadline.localeCompare(b.doc.deadline) ||
  a.doc.eventId.localeCompare(b.doc.eventId);

/**
 * The credit warnings a league bureau issued (its console list) and a unit's own warnings (its
 * portal list), with their status today and the working days left. The bureau's list is the index
 * of warning documents: every warning issued on the console, and every warning that arrived by
 * webhook once its record was applied (the ingest worker notes it: docs/warnings.md).
 */
export class ListWarnings {
  constructor(private readonly ports: Pick<WarningPorts, 'warnings' | 'cycles' | 'clock'>) {}

  async ofLeague(caller: Caller): Promise<ListWarningsOutcome> {
    const role = authorize(caller, 'warning.issue');
    if (!role.ok) return role.refusal;
    const league = role.claims.league!;
    const docs = await this.ports.warnings.warningsIssuedBy(league);
    return { status: 'ok', value: { league, warnings: await this.views(docs) } };
  }

  async ofUnit(caller: Caller, self: SubjectRef): Promise<ListWarningsOutcome> {
    const role = authorize(caller, 'warning.report', self);
    if (!role.ok) return role.refusal;
    const docs = await this.ports.warnings.warningsOf(self);
    return { status: 'ok', value: { warnings: await this.views(docs) } };
  }

  private async views(docs: readonly CreditWarningDocument[]): Promise<WarningView[]> {
    const today = legalDateOfInstant(this.ports.clock.now());
    return (await viewsOf(this.ports, docs, today)).sort(byUrgency);
  }
}
