import type { EvidenceStore } from '../ports/evidenceStore.ts';
import type { AuditLog, ClaimStore, OutboxStore, ProfileStore, SubjectRecordStore } from '../ports/store.ts';
import { DecideWarning } from '../warnings/decideWarning.ts';
import { IssueWarning } from '../warnings/issueWarning.ts';
import { ListWarnings } from '../warnings/listWarnings.ts';
import { ReadWarning } from '../warnings/readWarning.ts';
import type { WarningPorts } from '../warnings/warningPorts.ts';
import type { WarningConsoleDeps } from '../web/console/warnings/deps.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The edges of the credit warning use cases (Art 21-22): the claims and outbox, the documents, the notices. */
export type WarningEdges = Pick<Edges, 'warnings' | 'notices' | 'cycleStore' | 'recordQueue' | 'clock'> &
  StoreEdge<ClaimStore & OutboxStore & AuditLog & ProfileStore & Pick<SubjectRecordStore, 'loadRecords'>>;

export const warningPortsOf = (e: WarningEdges): WarningPorts => ({
  store: e.store,
  warnings: e.warnings,
  notices: e.notices,
  queue: e.recordQueue,
  cycles: e.cycleStore,
  clock: e.clock,
});

/** What the console's credit warning pages use. */
export const webConsoleWarningsDeps = (
  e: WarningEdges & { readonly evidenceStore: EvidenceStore },
): WarningConsoleDeps => {
  const ports = warningPortsOf(e);
  return {
    creditWarnings: {
      list: new ListWarnings(ports),
      read: new ReadWarning(ports),
      issue: new IssueWarning(ports),
      decide: new DecideWarning(ports),
      evidence: e.evidenceStore,
    },
  };
};
