import { DecideWarning } from '../warnings/decideWarning.ts';
import { IssueWarning } from '../warnings/issueWarning.ts';
import { ListWarnings } from '../warnings/listWarnings.ts';
import { ReadWarning } from '../warnings/readWarning.ts';
import { ReportRectification } from '../warnings/reportRectification.ts';
import { createWarningsApiHandler } from '../warnings-api/handler.ts';
import type { Edges } from './edges.ts';
import { type WarningEdges, warningPortsOf } from './webConsoleWarnings.ts';

/** `/v1/warnings…`: credit warnings, their rectification and the bureau's decision (Art 21-22). */
export const composeWarningsApi = (e: WarningEdges & Pick<Edges, 'tokenVerifier' | 'logger'>) => {
  const ports = warningPortsOf(e);
  return createWarningsApiHandler(
    {
      list: new ListWarnings(ports),
      read: new ReadWarning(ports),
      issue: new IssueWarning(ports),
      report: new ReportRectification(ports),
      decide: new DecideWarning(ports),
    },
    e.tokenVerifier,
    e.logger('warnings-api'),
  );
};
