import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import {
  PRACTITIONERS_PATH,
  postPractitioner,
  postPractitionerLetter,
  practitionersPage,
} from './practitionersPage.tsx';

/** The employer's practitioners (Art 18(1)) and their Annex 5 letters (docs/practitioners.md). */
export const portalPractitionerRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: PRACTITIONERS_PATH, access: 'participant', handle: practitionersPage },
  { method: 'POST', path: PRACTITIONERS_PATH, access: 'participant', handle: postPractitioner },
  { method: 'POST', path: `${PRACTITIONERS_PATH}/letter`, access: 'participant', handle: postPractitionerLetter },
];
