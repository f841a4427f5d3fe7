import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import {
  PRACTITIONER_CONFIRMATION_PATH,
  postPractitionerConfirm,
  postPractitionerObjection,
  practitionerConfirmationPage,
} from './confirmationPage.tsx';
import {
  PRACTITIONERS_PATH,
  postPractitioner,
  postPractitionerLetter,
  practitionersPage,
} from './practitionersPage.tsx';

/**
 * The employer's practitioners (Art 18(1)) and their Annex 5 letters (docs/practitioners.md); their
 * confirmation and objections, made by the employer (Art 18(4); docs/objections.md).
 */
export const portalPractitionerRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: PRACTITIONERS_PATH, access: 'participant', handle: practitionersPage },
  { method: 'POST', path: PRACTITIONERS_PATH, access: 'participant', handle: postPractitioner },
  { method: 'POST', path: `${PRACTITIONERS_PATH}/letter`, access: 'participant', handle: postPractitionerLetter },
  { method: 'GET', path: PRACTITIONER_CONFIRMATION_PATH, access: 'participant', handle: practitionerConfirmationPage },
  {
    method: 'POST',
    path: `${PRACTITIONER_CONFIRMATION_PATH}/confirm`,
    access: 'participant',
    handle: postPractitionerConfirm,
  },
  {
    method: 'POST',
    path: `${PRACTITIONER_CONFIRMATION_PATH}/object`,
    access: 'participant',
    handle: postPractitionerObjection,
  },
];
