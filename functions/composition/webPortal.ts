import { LookupScore } from '../lookup/lookupScore.ts';
import type { EvidenceStore } from '../ports/evidenceStore.ts';
import type { ProfileStore, PublishedResultStore, SnapshotReader } from '../ports/store.ts';
import type { PortalDeps } from '../web/portal/deps.ts';
import { SignCommitment } from '../web/portal/signCommitment.ts';
import { ViewCommitment } from '../web/portal/viewCommitment.ts';
import { VoluntaryParticipation } from '../web/portal/voluntaryParticipation.ts';
import type { Edges, StoreEdge } from './edges.ts';
import { type RepairEdges, repairService } from './repairs.ts';

/**
 * The portal's edges: the repair use cases', the score lookup's, where evidence files are kept, and
 * the signed commitment letters (with the profiles the letters are made out from).
 */
export type PortalEdges = RepairEdges &
  Pick<Edges, 'clock' | 'commitments' | 'voluntary'> &
  StoreEdge<SnapshotReader & PublishedResultStore & ProfileStore> & { readonly evidenceStore: EvidenceStore };

/** What the portal pages use, from the platform's edges. */
export const webPortalDeps = (
  e: PortalEdges,
): Omit<PortalDeps, 'practitioners' | 'notices' | 'filing' | 'objections' | 'creditWarnings'> => {
  const repairs = repairService(e);
  return {
    lookupScore: new LookupScore(e.store, e.clock),
    listRepairs: repairs.listRepairs,
    applyForRepair: repairs.applyForRepair,
    evidence: e.evidenceStore,
    commitments: {
      view: new ViewCommitment(e.store, e.commitments, e.clock),
      sign: new SignCommitment(e.store, e.commitments, e.clock),
    },
    voluntary: new VoluntaryParticipation(e.store, e.voluntary, e.clock),
  };
};
