import type { EvidenceDownloads, EvidenceStore } from '../ports/evidenceStore.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { EvidenceConsoleDeps } from '../web/console/evidence/deps.ts';
import { OpenEvidence } from '../web/console/evidence/openEvidence.ts';
import type { StoreEdge } from './edges.ts';

/** What the console's evidence downloads use: the subjects' profiles (their league) and the files. */
export const webConsoleEvidenceDeps = (
  e: StoreEdge<ProfileStore> & { readonly evidenceStore: EvidenceStore & EvidenceDownloads },
): EvidenceConsoleDeps => ({ evidenceFiles: new OpenEvidence(e.store, e.evidenceStore) });
