import type { LegalDate } from '../../domain/dates.ts';
import type { Grade } from '../../domain/evaluation/grade.ts';
import type { CountedRecord } from '../../domain/notices/dishonestLetter.ts';
import { EcocreditError } from '../shared/errors.ts';

/**
 * A participant's final result of a year (评定结果, Art 16(4), 17(6)): evaluated on the day the
 * region records 复核审定 (`reviewConfirmed`), frozen, and what publication publishes (Art 16(5),
 * 17(7)) whatever the records say later. `result` is the published shape (publishedShape.ts);
 * a suspended subject (I15) has none.
 *
 * A practitioner's (Art 18(5)) is frozen the same way but never published (Art 18(6)): it has no
 * grade, score or `result`, and carries `dishonest` (环保失信个人, Art 13; null when suspended, I15)
 * with the counted records and their bureaus, from which the region notifies the leagues and the
 * letters (函告) are written.
 */
export interface FinalResult {
  readonly year: number;
  readonly kind: FinalResultKind;
  readonly code: string;
  readonly name: string;
  readonly league: string;
  readonly evaluatedOn: LegalDate;
  readonly grade: Grade | null;
  /** Exact integer tenths (I2), null when suspended. */
  readonly score: number | null;
  readonly blacklisted: boolean;
  readonly result: Readonly<Record<string, unknown>> | null;
  /** Practitioners only: 环保失信个人 (Art 13); null when suspended (I15). */
  readonly dishonest?: boolean | null;
  /** Practitioners only: the jurisdictions (league or region) of the counted records, sorted. */
  readonly leagues?: readonly string[];
  /** Practitioners only: the records counted in the year (Art 13, 18(3)). */
  readonly records?: readonly CountedRecord[];
}

export type FinalResultKind = 'enterprise' | 'agency' | 'practitioner';

/** The year's final results (docs/storage.md): one partition per year and kind; each written once, never replaced. */
export interface FinalResultStore {
  /** Stores each result unless its code has one (frozen: a second freeze changes nothing). */
  freeze(results: readonly FinalResult[]): Promise<void>;
  finalResult(year: number, kind: FinalResultKind, code: string): Promise<FinalResult | null>;
  finalResults(year: number, kind: FinalResultKind): Promise<FinalResult[]>;
}

/** An unexpected failure of the final results' storage. */
export class FinalResultStoreError extends EcocreditError {
  override readonly name = 'FinalResultStoreError';
}
