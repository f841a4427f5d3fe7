import type { WebDeps } from '../web/deps.ts';
import { createWebHandler } from '../web/handler.ts';
import type { WebRoute } from '../web/router.ts';
import { WEB_ROUTES } from '../web/routes.ts';
import type { CookieOptions, CookieSigner } from '../web/session/session.ts';
import type { Edges } from './edges.ts';
import { webAuthDeps } from './webAuth.ts';
import { webConsoleCommentsDeps } from './webConsoleComments.ts';
import { webConsoleCyclesDeps } from './webConsoleCycles.ts';
import { webConsoleEvidenceDeps } from './webConsoleEvidence.ts';
import { webConsoleLettersDeps } from './webConsoleLetters.ts';
import { webConsoleNoticesDeps } from './webConsoleNotices.ts';
import { webConsoleObjectionsDeps } from './webConsoleObjections.ts';
import {
  webConsoleParticipantsDeps,
  webConsolePractitionersDeps,
  webConsoleVoluntaryDeps,
} from './webConsoleParticipants.ts';
import { webConsoleReportsDeps } from './webConsoleReports.ts';
import { webConsoleResultsUseDeps } from './webConsoleResultsUse.ts';
import { webConsoleReviewDeps } from './webConsoleReview.ts';
import { webConsoleSubjectsDeps } from './webConsoleSubjects.ts';
import { webConsoleWarningsDeps } from './webConsoleWarnings.ts';
import { webPortalDeps } from './webPortal.ts';
import { webPortalFilingDeps } from './webPortalFiling.ts';
import { webPortalNoticesDeps } from './webPortalNotices.ts';
import { webPortalObjectionsDeps } from './webPortalObjections.ts';
import { webPortalPractitionersDeps } from './webPortalPractitioners.ts';
import { webPortalWarningsDeps } from './webPortalWarnings.ts';
import { webPublicDeps } from './webPublic.ts';
import { webPublicityDeps } from './webPublicity.ts';

export interface WebOptions {
  readonly signer: () => Promise<CookieSigner>;
  readonly cookies: CookieOptions;
  /** Routes that come before the site's own (the local runtime's development sign-in). */
  readonly extraRoutes?: readonly WebRoute<WebDeps>[];
}

/** The pages: the public site, the bureau console and the participant portal (docs/web.md). */
/** The edges the pages use: whatever each area's composition asks for. */
export type WebEdges = Pick<Edges, 'clock' | 'logger'> &
  Parameters<typeof webPublicDeps>[0] &
  Parameters<typeof webPublicityDeps>[0] &
  Parameters<typeof webConsoleCyclesDeps>[0] &
  Parameters<typeof webConsoleCommentsDeps>[0] &
  Parameters<typeof webConsoleSubjectsDeps>[0] &
  Parameters<typeof webConsoleParticipantsDeps>[0] &
  Parameters<typeof webConsoleVoluntaryDeps>[0] &
  Parameters<typeof webConsolePractitionersDeps>[0] &
  Parameters<typeof webPortalPractitionersDeps>[0] &
  Parameters<typeof webPortalDeps>[0] &
  Parameters<typeof webConsoleObjectionsDeps>[0] &
  Parameters<typeof webConsoleNoticesDeps>[0] &
  Parameters<typeof webConsoleWarningsDeps>[0] &
  Parameters<typeof webConsoleResultsUseDeps>[0] &
  Parameters<typeof webPortalNoticesDeps>[0] &
  Parameters<typeof webPortalFilingDeps>[0] &
  Parameters<typeof webConsoleEvidenceDeps>[0] &
  Parameters<typeof webConsoleReportsDeps>[0] &
  Parameters<typeof webConsoleReviewDeps>[0] &
  Parameters<typeof webConsoleLettersDeps>[0] &
  Parameters<typeof webAuthDeps>[0];

export const composeWeb = (e: WebEdges, o: WebOptions) => {
  const deps: WebDeps = {
    public: { ...webPublicDeps(e), publicity: webPublicityDeps(e) },
    console: {
      ...webConsoleCyclesDeps(e),
      ...webConsoleCommentsDeps(e),
      ...webConsoleSubjectsDeps(e),
      ...webConsoleParticipantsDeps(e),
      ...webConsoleVoluntaryDeps(e),
      ...webConsolePractitionersDeps(e),
      ...webConsoleObjectionsDeps(e),
      ...webConsoleNoticesDeps(e),
      ...webConsoleWarningsDeps(e),
      ...webConsoleResultsUseDeps(e),
      ...webConsoleEvidenceDeps(e),
      ...webConsoleReportsDeps(e),
      ...webConsoleReviewDeps(e),
      ...webConsoleLettersDeps(e),
    },
    portal: {
      ...webPortalDeps(e),
      practitioners: webPortalPractitionersDeps(e),
      objections: webPortalObjectionsDeps(e),
      notices: webPortalNoticesDeps(e),
      filing: webPortalFilingDeps(e),
      creditWarnings: webPortalWarningsDeps(e),
    },
    auth: webAuthDeps(e),
  };
  return createWebHandler([...(o.extraRoutes ?? []), ...WEB_ROUTES], deps, {
    signer: o.signer,
    cookies: o.cookies,
    clock: e.clock,
    logger: e.logger('web'),
  });
};
