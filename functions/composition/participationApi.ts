import { ListIssuedNotices } from '../notices/listIssuedNotices.ts';
import { ListMyNotices } from '../notices/listMyNotices.ts';
import { ReadNotice } from '../notices/readNotice.ts';
import { createParticipationApiHandler } from '../participation-api/handler.ts';
import { DecideWarning } from '../warnings/decideWarning.ts';
import { IssueWarning } from '../warnings/issueWarning.ts';
import { ListWarnings } from '../warnings/listWarnings.ts';
import { ReadWarning } from '../warnings/readWarning.ts';
import { ReportRectification } from '../warnings/reportRectification.ts';
import type { Edges } from './edges.ts';
import { type ObjectionEdges, objectionUseCases } from './objections.ts';
import { type WarningEdges, warningPortsOf } from './webConsoleWarnings.ts';

/** `/v1/cycles/{year}/{kind}/objections…`, `/v1/warnings…`, `/v1/notices…` and `/v1/leagues/{league}/notices`. */
export const composeParticipationApi = (
  e: ObjectionEdges & WarningEdges & Pick<Edges, 'warnings' | 'tokenVerifier' | 'logger'>,
) => {
  const o = objectionUseCases(e);
  const ports = warningPortsOf(e);
  return createParticipationApiHandler(
    {
      objections: { list: o.list, read: o.read, file: o.file, review: o.review },
      warnings: {
        list: new ListWarnings(ports),
        read: new ReadWarning(ports),
        issue: new IssueWarning(ports),
        report: new ReportRectification(ports),
        decide: new DecideWarning(ports),
      },
      notices: {
        mine: new ListMyNotices(e.notices),
        read: new ReadNotice(e.notices, e.clock),
        issued: new ListIssuedNotices(e.notices),
      },
    },
    e.tokenVerifier,
    e.logger('participation-api'),
  );
};
