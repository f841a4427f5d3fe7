import type { WebDeps } from '../deps.ts';
import type { WebRoute } from '../router.ts';
import { applyPage, submitApplication } from './apply.tsx';
import { commitmentPage, signCommitment } from './commitment.tsx';
import { portalFilingRoutes } from './filing/routes.ts';
import { portalNoticeRoutes } from './notices/routes.ts';
import { portalObjectionRoutes } from './objections/routes.ts';
import { portalHome } from './overview.tsx';
import { portalPractitionerRoutes } from './practitioners/routes.ts';
import { portalRepairs } from './repairs.tsx';
import { uploadEvidence } from './upload.tsx';
import { participationPage, postParticipation } from './voluntary.tsx';
import { portalWarningRoutes } from './warnings/routes.ts';

/** The participant portal (an enterprise or agency signed in; it sees only itself: docs/portal.md). */
export const portalRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/portal', access: 'participant', handle: portalHome },
  { method: 'GET', path: '/portal/repairs', access: 'participant', handle: portalRepairs },
  { method: 'GET', path: '/portal/repairs/apply', access: 'participant', handle: applyPage },
  { method: 'POST', path: '/portal/repairs/apply', access: 'participant', handle: submitApplication },
  { method: 'POST', path: '/portal/evidence', access: 'participant', handle: uploadEvidence },
  { method: 'GET', path: '/portal/commitment', access: 'participant', handle: commitmentPage },
  { method: 'POST', path: '/portal/commitment', access: 'participant', handle: signCommitment },
  { method: 'GET', path: '/portal/participation', access: 'participant', handle: participationPage },
  { method: 'POST', path: '/portal/participation', access: 'participant', handle: postParticipation },
  ...portalPractitionerRoutes,
  ...portalObjectionRoutes,
  ...portalNoticeRoutes,
  ...portalFilingRoutes,
  ...portalWarningRoutes,
];
