import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { filingPage, postFiling } from './filingPage.tsx';

/** The participant's filing of the year (Art 20; docs/filing.md). */
export const portalFilingRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/portal/filing', access: 'participant', handle: filingPage },
  { method: 'POST', path: '/portal/filing', access: 'participant', handle: postFiling },
];
