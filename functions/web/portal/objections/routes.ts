import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { CONFIRMATION_PATH, confirmationPage, postConfirm, postObjection } from './confirmationPage.tsx';

/** The participant's confirmation and objections (Art 17(3), 18(4); docs/objections.md). */
export const portalObjectionRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: CONFIRMATION_PATH, access: 'participant', handle: confirmationPage },
  { method: 'POST', path: `${CONFIRMATION_PATH}/confirm`, access: 'participant', handle: postConfirm },
  { method: 'POST', path: `${CONFIRMATION_PATH}/object`, access: 'participant', handle: postObjection },
];
