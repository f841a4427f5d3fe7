import type { EvidenceStore } from '../../../ports/evidenceStore.ts';
import type { DecideWarning } from '../../../warnings/decideWarning.ts';
import type { IssueWarning } from '../../../warnings/issueWarning.ts';
import type { ListWarnings } from '../../../warnings/listWarnings.ts';
import type { ReadWarning } from '../../../warnings/readWarning.ts';

/** What the console's credit warning pages use (Art 21-22). */
export interface WarningConsoleDeps {
  readonly creditWarnings: {
    readonly list: Pick<ListWarnings, 'ofLeague'>;
    readonly read: Pick<ReadWarning, 'execute'>;
    readonly issue: Pick<IssueWarning, 'execute'>;
    readonly decide: Pick<DecideWarning, 'execute'>;
    /** The evidence files of the units' reports (described, never changed here). */
    readonly evidence: Pick<EvidenceStore, 'describe'>;
  };
}
