import type { FileObjection } from '../../../objections/fileObjection.ts';
import type { ReadConfirmation } from '../../../objections/readConfirmation.ts';

/** What the portal's confirmation page uses (Art 17(3), 18(4)). */
export interface PortalObjectionsDeps {
  readonly confirmation: Pick<ReadConfirmation, 'execute' | 'confirm'>;
  readonly file: Pick<FileObjection, 'execute'>;
}
