import type { Filing } from '../../domain/filing/filing.ts';
import { EcocreditError } from '../shared/errors.ts';
import type { SubjectRef } from './store.ts';

/** Participants' filings (Art 20): one per participant and evaluation year, in the participant's partition. */
export interface FilingStore {
  filing(of: SubjectRef, year: number): Promise<Filing | null>;
  /** The filings of these participants for the year, by code (absent: none stored). */
  filingsOf(of: readonly SubjectRef[], year: number): Promise<Map<string, Filing>>;
  /**
   * Stores the filing (its `filedAt` set) unless one is already filed for that year: then nothing
   * changes. A filing marked missing is completed (it is filed then, late).
   */
  file(of: SubjectRef, filing: Filing): Promise<'filed' | 'exists'>;
  /** Stores a not-filed filing (`filedAt: null`, `markedMissingAt` set) unless any filing is stored. */
  markMissing(of: SubjectRef, filing: Filing): Promise<'marked' | 'exists'>;
}

/** An unexpected failure of the filings' storage. */
export class FilingStoreError extends EcocreditError {
  override readonly name = 'FilingStoreError';
}
