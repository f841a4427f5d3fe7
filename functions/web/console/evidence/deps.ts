import type { OpenEvidence } from './openEvidence.ts';

/** What the console's evidence downloads use. */
export interface EvidenceConsoleDeps {
  readonly evidenceFiles: OpenEvidence;
}
