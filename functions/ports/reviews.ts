import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { RecordCorrection } from '../../domain/objections/objection.ts';
import type { ReviewOutcome, ReviewReason } from '../../domain/review/reviewItems.ts';
import { EcocreditError } from '../shared/errors.ts';

/** The review of a year and kind (复核审定, Art 16(4), 17(6), 18(5)). */
export interface ReviewRef {
  readonly year: number;
  readonly kind: CycleKind;
}

/**
 * The review group's decision on one item (Art 8): 维持 or 变更, with reasons; a change names the
 * records it revoked or corrected, so that the score follows. Stored once; never replaced.
 */
export interface ReviewDecision extends ReviewRef {
  readonly code: string;
  readonly league: LeagueCode;
  readonly outcome: ReviewOutcome;
  readonly reasons: string;
  readonly revoked: readonly string[];
  /** The records corrected (更正): each old record revoked and the corrected one created as `eventId` (absent: none). */
  readonly corrected?: readonly (RecordCorrection & { readonly target: string; readonly eventId: string })[];
  /** Why the item was reviewed, and the report version it was decided on. */
  readonly itemReasons: readonly ReviewReason[];
  readonly reportVersion: number;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

/** One line of the review's audit trail. */
export interface ReviewAudit {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly what: Readonly<Record<string, unknown>>;
  readonly why: string | null;
}

/** The review group's decisions (docs/storage.md): one partition per year and kind, audited in the same transaction. */
export interface ReviewStore {
  /** Stores the decision unless the item has one: then nothing changes. */
  decide(decision: ReviewDecision, audit: ReviewAudit): Promise<'decided' | 'exists'>;
  decision(ref: ReviewRef, code: string): Promise<ReviewDecision | null>;
  decisions(ref: ReviewRef): Promise<ReviewDecision[]>;
  auditOf(ref: ReviewRef): Promise<ReviewAudit[]>;
}

/** An unexpected failure of the review's storage. */
export class ReviewStoreError extends EcocreditError {
  override readonly name = 'ReviewStoreError';
}
