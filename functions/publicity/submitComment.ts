import { createHash } from 'node:crypto';
import { checkComment, closedReason, commentIdentity } from '../../domain/publicity/comment.ts';
import {
  COMMENT_RATE_LIMIT,
  formTiming,
  rateExpiryOf,
  rateWindowOf,
  secondsUntilNextWindow,
} from '../../domain/publicity/floodGuard.ts';
import { isWindowOpen } from '../../domain/publicity/window.ts';
import type { CommentStore, PublicComment } from '../ports/comments.ts';
import type { Clock } from '../shared/clock.ts';
import { type Conflict, conflict, type Invalid, invalid, type NotFound, notFound, ok } from '../shared/errors.ts';
import type { PublicityEntry, PublicityLists, PublicityStatus } from './publicityLists.ts';

export interface CommentAsked {
  readonly year: string;
  readonly kind: string;
  readonly code: string;
  readonly text: string | undefined;
  readonly contact: string | undefined;
  /** The hidden field people never see nor fill in (a honeypot). */
  readonly trap: string | undefined;
  /** When the form was rendered (ms), as its signature vouches; null when absent or forged. */
  readonly renderedAt: number | null;
  /** A keyed hash of the client's address (never the address itself). */
  readonly client: string;
}

/** Why an automated-looking comment is turned away: a person waits and sends again (HTTP 429). */
export interface Throttled {
  readonly status: 'throttled';
  readonly reason: 'tooFast' | 'stale' | 'rate';
  readonly retryAfterSeconds: number;
}

export interface CommentReceived {
  readonly entry: PublicityEntry;
  readonly publicity: PublicityStatus;
  /** `stored`: new; `duplicate`: the same comment was stored already; `discarded`: a program filled the trap. */
  readonly outcome: 'stored' | 'duplicate' | 'discarded';
}

export type CommentOutcome =
  | { readonly status: 'ok'; readonly value: CommentReceived }
  | NotFound
  | Invalid
  | Conflict
  | Throttled;

/** The id of a comment: a hash of what identifies it (the same comment in the same minute is one). */
export const commentIdOf = (identity: string): string =>
  createHash('sha256').update(identity, 'utf8').digest('base64url').slice(0, 32);

/**
 * A member of the public comments on a listed proposed result (Art 16(3), 17(4); Art 7 舆论监督).
 * Refused after the window closed (I12), with the reason; nothing stored. Flood protection: a
 * trap field, a form filled too fast, and at most COMMENT_RATE_LIMIT per client.
 */
export class SubmitComment {
  constructor(
    private readonly lists: Pick<PublicityLists, 'entry'>,
    private readonly comments: Pick<CommentStore, 'add' | 'comment' | 'countComment'>,
    private readonly clock: Clock,
  ) {}

  async execute(asked: CommentAsked): Promise<CommentOutcome> {
    const found = await this.lists.entry(asked.year, asked.kind, asked.code);
    if (!found) return notFound;
    const { publicity, entry } = found;
    const now = this.clock.now();
    if (!isWindowOpen(publicity, now.toISOString()))
      return conflict('PUBLICITY_CLOSED', closedReason(publicity.closesOn));
    const checked = checkComment({ text: asked.text, contact: asked.contact });
    if (!checked.ok) return invalid(checked.issues);
    if ((asked.trap ?? '') !== '') return ok({ entry, publicity, outcome: 'discarded' });
    const timing = asked.renderedAt === null ? 'stale' : formTiming(asked.renderedAt, now.getTime());
    if (timing !== 'ok') return { status: 'throttled', reason: timing, retryAfterSeconds: 5 };
    const scope = { year: publicity.year, kind: publicity.kind, league: entry.league };
    const at = now.toISOString();
    const id = commentIdOf(commentIdentity({ ...scope, code: entry.code }, checked.value, at));
    if (await this.comments.comment(scope, id)) return ok({ entry, publicity, outcome: 'duplicate' });
    const windowStart = rateWindowOf(now.getTime(), COMMENT_RATE_LIMIT);
    const counted = await this.comments.countComment(
      asked.client,
      windowStart,
      COMMENT_RATE_LIMIT.max,
      rateExpiryOf(windowStart, COMMENT_RATE_LIMIT),
    );
    if (!counted)
      return {
        status: 'throttled',
        reason: 'rate',
        retryAfterSeconds: secondsUntilNextWindow(now.getTime(), COMMENT_RATE_LIMIT),
      };
    const comment: PublicComment = {
      ...scope,
      code: entry.code,
      id,
      name: entry.name,
      text: checked.value.text,
      contact: checked.value.contact,
      receivedAt: at,
      finding: null,
      needsReview: false,
    };
    const added = await this.comments.add(comment);
    return ok({ entry, publicity, outcome: added === 'added' ? 'stored' : 'duplicate' });
  }
}
