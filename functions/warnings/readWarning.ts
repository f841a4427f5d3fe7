import { legalDateOfInstant } from '../../domain/dates.ts';
import type { Caller } from '../shared/auth.ts';
import type { Forbidden, NotFound, Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { findWarning, viewsOf, type WarningPorts, type WarningView } from './warningPorts.ts';

export type ReadWarningOutcome =
  | { readonly status: 'ok'; readonly value: WarningView }
  | Unauthorized
  | Forbidden
  | NotFound;

/**
 * One credit warning, for its bureau (the league that issued it) or the warned unit: its document
 * (made from the record when a webhook's warning has none yet), its status today and its deadline.
 */
export class ReadWarning {
  constructor(private readonly ports: Pick<WarningPorts, 'store' | 'warnings' | 'cycles' | 'clock'>) {}

  async execute(caller: Caller, eventId: string): Promise<ReadWarningOutcome> {
    if (caller.type === 'public') return { status: 'unauthorized', reason: 'missing' };
    if (caller.type === 'invalid') return { status: 'unauthorized', reason: caller.reason };
    const found = await findWarning(this.ports, eventId);
    if (!found) return { status: 'notFound' };
    const { doc } = found;
    const mayRead =
      authorize(caller, 'warning.issue', { league: doc.league }).ok ||
      authorize(caller, 'warning.report', doc.subject).ok;
    // Another unit's or league's warning is not shown, nor said to exist.
    if (!mayRead) return { status: 'notFound' };
    const [view] = await viewsOf(this.ports, [doc], legalDateOfInstant(this.ports.clock.now()));
    return { status: 'ok', value: view! };
  }
}
