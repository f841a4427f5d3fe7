import type { CommentedEntry, Finding } from '../../domain/publicity/comment.ts';
import { EcocreditError } from '../shared/errors.ts';

/** The league's investigation of a comment (调查核实, Art 16(4)), recorded once. */
export interface CommentFinding {
  readonly finding: Finding;
  readonly reasons: string;
  readonly by: string;
  readonly at: string;
}

/**
 * A comment of the public on a proposed result during publicity (Art 16(3), 17(4)). `contact` is
 * the commenter's own words and never public; nothing else of the commenter is kept (no address).
 */
export interface PublicComment extends CommentedEntry {
  /** Deterministic from the entry, text, contact and minute: a double submit is one comment. */
  readonly id: string;
  /** The entry's name as it was listed, so the console reads without the report. */
  readonly name: string;
  readonly text: string;
  readonly contact: string | null;
  readonly receivedAt: string;
  readonly finding: CommentFinding | null;
  /** Art 8, 16(4): the finding may change the result, so the review group looks at the entry. */
  readonly needsReview: boolean;
}

/** The comments of one year's cycle of one kind and one league. */
export interface CommentScope {
  readonly year: number;
  readonly kind: CommentedEntry['kind'];
  readonly league: string;
}

export interface CommentStore {
  /** Stores a new comment; `exists` when that id is stored already (nothing changes). */
  add(comment: PublicComment): Promise<'added' | 'exists'>;
  commentsOf(scope: CommentScope): Promise<PublicComment[]>;
  comment(scope: CommentScope, id: string): Promise<PublicComment | null>;
  /**
   * Records the finding of a comment without one, with its audit line, in one transaction;
   * false when the comment is absent or already has a finding.
   */
  recordFinding(scope: CommentScope, id: string, finding: CommentFinding, needsReview: boolean): Promise<boolean>;
  /**
   * Counts one more comment of a client (a keyed hash, never its address) in a rate window, only
   * while fewer than `max` were counted; false when the window is full. The count is forgotten
   * after `expiresAt` (seconds since the epoch).
   */
  countComment(client: string, windowStart: number, max: number, expiresAt: number): Promise<boolean>;
  /** The audit lines of a scope's findings, oldest first. */
  auditOf(scope: CommentScope): Promise<CommentAudit[]>;
}

export interface CommentAudit {
  readonly at: string;
  readonly actor: string;
  readonly action: 'finding';
  readonly commentId: string;
  readonly code: string;
  readonly finding: Finding;
  readonly reasons: string;
}

/** An unexpected failure of the comments' storage. */
export class CommentStoreError extends EcocreditError {
  override readonly name = 'CommentStoreError';
}
