import { FileBasicInformation } from '../filing/fileBasicInformation.ts';
import { ViewFiling } from '../filing/viewFiling.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { PortalFilingDeps } from '../web/portal/filing/deps.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The portal's filing page (Art 20; docs/filing.md). */
export const webPortalFilingDeps = (
  e: Pick<Edges, 'clock' | 'cycleStore' | 'participants' | 'filings'> & StoreEdge<ProfileStore>,
): PortalFilingDeps => {
  const readers = { profiles: e.store, cycles: e.cycleStore, participants: e.participants, filings: e.filings };
  return {
    view: new ViewFiling(readers, e.clock),
    file: new FileBasicInformation(readers, e.filings, e.clock),
  };
};
