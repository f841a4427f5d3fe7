import type { ListWarnings } from '../../../warnings/listWarnings.ts';
import type { ReadWarning } from '../../../warnings/readWarning.ts';
import type { ReportRectification } from '../../../warnings/reportRectification.ts';

/** What the portal's credit warning pages use (Art 22): the unit's warnings and its rectification reports. */
export interface PortalWarningDeps {
  readonly list: Pick<ListWarnings, 'ofUnit'>;
  readonly read: Pick<ReadWarning, 'execute'>;
  readonly report: Pick<ReportRectification, 'execute'>;
}
