import type { ProfileStore } from '../ports/store.ts';
import { FilePractitioners } from '../practitioners/filePractitioners.ts';
import type { PortalPractitionerDeps } from '../web/portal/practitioners/deps.ts';
import type { Edges, StoreEdge } from './edges.ts';

/** The portal's practitioners page: the employer's filings and their Annex 5 letters (docs/practitioners.md). */
export const webPortalPractitionersDeps = (
  e: Pick<Edges, 'clock' | 'commitments' | 'practitionerFilings'> & StoreEdge<ProfileStore>,
): PortalPractitionerDeps => ({
  file: new FilePractitioners(e.store, e.practitionerFilings, e.commitments, e.clock),
});
