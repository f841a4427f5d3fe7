import type { SubjectRef } from '../../ports/store.ts';
import type { RepairOutcome } from '../../repairs/repairOutcome.ts';
import type { Refusal } from '../../shared/errors.ts';
import type { WebDeps } from '../deps.ts';
import type { PageContext } from '../router.ts';

export type PortalContext = PageContext<WebDeps>;

/**
 * The subject a participant is: its role (enterprise or agency) and its `subject` claim. The route's
 * access let only participants in; which subject's data it may see is the use cases' `authorize`.
 */
export const selfOf = (ctx: PortalContext): SubjectRef | null => {
  const c = ctx.session?.claims;
  return c && (c.role === 'enterprise' || c.role === 'agency') && c.subject ? { kind: c.role, id: c.subject } : null;
};

/** A repair use case's refusal as the site's refusal (refused conditions are shown by the page itself). */
export const refusalOfRepair = (o: Exclude<RepairOutcome<unknown>, { status: 'ok' | 'refused' }>): Refusal => {
  switch (o.status) {
    case 'unauthorized':
      return { status: 'unauthorized', reason: 'missing' };
    case 'invalid':
      return { status: 'invalid', issues: o.issues };
    case 'conflict':
      return { status: 'conflict', code: 'REPAIR_PENDING', message: o.message };
    default:
      return { status: o.status };
  }
};
