import type { LookupScore } from '../../lookup/lookupScore.ts';
import type { EvidenceStore } from '../../ports/evidenceStore.ts';
import type { ApplyForRepair } from '../../repairs/applyForRepair.ts';
import type { ListRepairs } from '../../repairs/listRepairs.ts';
import type { PortalFilingDeps } from './filing/deps.ts';
import type { PortalNoticeDeps } from './notices/deps.ts';
import type { PortalObjectionsDeps } from './objections/deps.ts';
import type { PortalPractitionerDeps } from './practitioners/deps.ts';
import type { SignCommitment } from './signCommitment.ts';
import type { ViewCommitment } from './viewCommitment.ts';
import type { VoluntaryParticipation } from './voluntaryParticipation.ts';
import type { PortalWarningDeps } from './warnings/deps.ts';

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
  /** The practitioners the unit files (Art 18(1)) and their Annex 5 letters. */
  readonly practitioners: PortalPractitionerDeps;
  /** Confirming one's records and pre-grade, and objecting to them (Art 17(3), 18(4)). */
  readonly objections: PortalObjectionsDeps;
  /** The participant's notices, each opened with a read receipt (docs/notices.md). */
  readonly notices: PortalNoticeDeps;
  /** The participant's filing of the year (Art 20). */
  readonly filing: PortalFilingDeps;
  /** The unit's credit warnings and its rectification reports (Art 22). */
  readonly creditWarnings: PortalWarningDeps;
}
