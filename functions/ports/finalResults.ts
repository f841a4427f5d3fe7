import type { LegalDate } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import { EcocreditError } from '../shared/errors.ts';

/**
 * A participant's final result of a year (评定结果, Art 16(4), 17(6)): evaluated on the day the
 * region records 复核审定 (`reviewConfirmed`), frozen, and what publication publishes (Art 16(5),
 * 17(7)) whatever the records say later. `result` is the published shape (publishedShape.ts);
 * a suspended subject (I15) has none.
 */
export interface FinalResult {
  readonly year: number;
  readonly kind: 'enterprise' | 'agency';
  readonly code: string;
  readonly name: string;
  readonly league: string;
  readonly evaluatedOn: LegalDate;
  readonly grade: Grade | null;
  /** Exact integer tenths (I2), null when suspended. */
  readonly score: number | null;
  readonly blacklisted: boolean;
  readonly result: Readonly<Record<string, unknown>> | null;
}

/** The year's final results (docs/storage.md): one partition per year and kind; each written once, never replaced. */
export interface FinalResultStore {
  /** Stores each result unless its code has one (frozen: a second freeze changes nothing). */
  freeze(results: readonly FinalResult[]): Promise<void>;
  finalResult(year: number, kind: 'enterprise' | 'agency', code: string): Promise<FinalResult | null>;
  finalResults(year: number, kind: 'enterprise' | 'agency'): Promise<FinalResult[]>;
}

/** An unexpected failure of the final results' storage. */
export class FinalResultStoreError extends EcocreditError {
  override readonly name = 'FinalResultStoreError';
}
