import type { LookupScore } from '../../lookup/lookupScore.ts';
import type { EvidenceStore } from '../../ports/evidenceStore.ts';
import type { ApplyForRepair } from '../../repairs/applyForRepair.ts';
import type { ListRepairs } from '../../repairs/listRepairs.ts';
import type { SignCommitment } from './signCommitment.ts';
import type { ViewCommitment } from './viewCommitment.ts';
import type { VoluntaryParticipation } from './voluntaryParticipation.ts';

/** What the participant portal uses: the existing use cases (they authorise the caller) and the evidence files. */
export interface PortalDeps {
  readonly lookupScore: Pick<LookupScore, 'execute'>;
  readonly listRepairs: Pick<ListRepairs, 'execute'>;
  readonly applyForRepair: Pick<ApplyForRepair, 'execute'>;
  readonly evidence: EvidenceStore;
  /** The year's credit commitment letter (Annex 4): reading it and signing it once. */
  readonly commitments: {
    readonly view: Pick<ViewCommitment, 'execute'>;
    readonly sign: Pick<SignCommitment, 'execute'>;
  };
  /** Applying to take part of one's own accord (Art 6(8)). */
  readonly voluntary: Pick<VoluntaryParticipation, 'view' | 'apply'>;
}
