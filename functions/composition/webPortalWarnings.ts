import { ListWarnings } from '../warnings/listWarnings.ts';
import { ReadWarning } from '../warnings/readWarning.ts';
import { ReportRectification } from '../warnings/reportRectification.ts';
import type { PortalWarningDeps } from '../web/portal/warnings/deps.ts';
import { type WarningEdges, warningPortsOf } from './webConsoleWarnings.ts';

/** What the portal's credit warning pages use. */
export const webPortalWarningsDeps = (e: WarningEdges): PortalWarningDeps => {
  const ports = warningPortsOf(e);
  return { list: new ListWarnings(ports), read: new ReadWarning(ports), report: new ReportRectification(ports) };
};
