import type { SubjectKind } from '../../domain/catalogue/kinds.ts';
import type { RepairApplication, StoredProfile, SubjectRef } from './store.ts';

/**
 * The bureau console's lists (docs/storage.md #10, #11, #27, #28): subjects of a league with their live
 * grades, and the queue of repair applications waiting for verification. Reads only.
 */

/** A live snapshot's head: what a list shows of a subject's result, without its explanation. */
export interface SnapshotHead {
  readonly score: number | null;
  readonly grade: 'A' | 'B' | 'C' | 'D' | null;
  /** Practitioners (Art 13): rated dishonest; null for enterprises and agencies. */
  readonly dishonest: boolean | null;
  readonly asOf: string;
}

export interface SubjectListing {
  /** Every profile (registered or not) of a league (`null`: practitioners without one) and kind, in code order. */
  profilesOf(league: string | null, kind: SubjectKind): Promise<StoredProfile[]>;
  /**
   * The live grade of each subject with a snapshot of `year` in a league, by `kind:id`: `A`…`D`,
   * `NONE` (no grade), `DISHONEST` (a practitioner rated dishonest). Read from the index keys only.
   */
  gradesOf(year: number, league: string | null): Promise<Map<string, string>>;
  /** The snapshot heads of `year` of these subjects, by `kind:id` (absent: no snapshot). */
  snapshotHeads(refs: readonly SubjectRef[], year: number): Promise<Map<string, SnapshotHead>>;
  /** The profiles of these subjects, by `kind:id` (absent: nothing stored). */
  profilesByRef(refs: readonly SubjectRef[]): Promise<Map<string, StoredProfile>>;
}

export interface RepairQueueReader {
  /** Every pending application (Art 23 ¶2), overdue ones included, soonest verification limit first. */
  pendingApplications(): Promise<RepairApplication[]>;
}

/** `kind:id`, the key of the maps above. */
export const refKey = (ref: SubjectRef): string => `${ref.kind}:${ref.id}`;
