import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { postDeclineFiling, postListFiling } from './filingsPage.tsx';
import {
  participantListPage,
  postAcceptApplication,
  postAddParticipant,
  postDeclineApplication,
  postRemoveParticipant,
} from './listPage.tsx';

/** A league's list of participants of a cycle (docs/console.md 参评名单); its template and import: exportRoutes.ts. */
export const participantConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/participants/{year}/{kind}', access: 'bureau', handle: participantListPage },
  { method: 'POST', path: '/console/participants/{year}/{kind}/add', access: 'bureau', handle: postAddParticipant },
  {
    method: 'POST',
    path: '/console/participants/{year}/{kind}/remove',
    access: 'bureau',
    handle: postRemoveParticipant,
  },
  {
    method: 'POST',
    path: '/console/participants/{year}/{kind}/voluntary/accept',
    access: 'bureau',
    handle: postAcceptApplication,
  },
  {
    method: 'POST',
    path: '/console/participants/{year}/{kind}/voluntary/decline',
    access: 'bureau',
    handle: postDeclineApplication,
  },
  {
    method: 'POST',
    path: '/console/participants/{year}/{kind}/filings/list',
    access: 'bureau',
    handle: postListFiling,
  },
  {
    method: 'POST',
    path: '/console/participants/{year}/{kind}/filings/decline',
    access: 'bureau',
    handle: postDeclineFiling,
  },
];
