import type { FileBasicInformation } from '../../../filing/fileBasicInformation.ts';
import type { ViewFiling } from '../../../filing/viewFiling.ts';

/** What the portal's filing page uses: the participant's filing of the year, and filing it once (Art 20). */
export interface PortalFilingDeps {
  readonly view: Pick<ViewFiling, 'execute'>;
  readonly file: Pick<FileBasicInformation, 'execute'>;
}
