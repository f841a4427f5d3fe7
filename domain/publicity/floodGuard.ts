/**
 * Protection of the comment form against automated floods without blocking people (Art 7: anyone
 * may comment; a flood would drown the comments a league must investigate, Art 16(4)). Pure
 * arithmetic: the handler supplies the clock and stores the counts.
 */

/** A person needs a few seconds to read an entry and write a comment; a form sent sooner is a program. */
export const MIN_FILL_SECONDS = 3;
/** A form older than this is stale (its page was left open): it is shown again, fresh, to be resent. */
export const MAX_FORM_AGE_SECONDS = 4 * 60 * 60;

export type FormTiming = 'ok' | 'tooFast' | 'stale';

/** Whether a form rendered at `renderedAtMs` and sent at `nowMs` was filled in by a person's pace. */
export const formTiming = (renderedAtMs: number, nowMs: number): FormTiming => {
  const elapsed = nowMs - renderedAtMs;
  if (elapsed < MIN_FILL_SECONDS * 1000) return elapsed < -60_000 ? 'stale' : 'tooFast';
  return elapsed > MAX_FORM_AGE_SECONDS * 1000 ? 'stale' : 'ok';
};

/**
 * At most `max` comments from one client in each window of `windowSeconds` (fixed windows: the
 * store counts under the window's start and refuses the count once it reached `max`).
 */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** Five comments in ten minutes: more than a person writes on distinct entries, far less than a program. */
export const COMMENT_RATE_LIMIT: RateLimit = { max: 5, windowSeconds: 600 };

/** The window an instant falls in: its start, in seconds since the epoch. */
export const rateWindowOf = (nowMs: number, limit: RateLimit): number => {
  const s = Math.floor(nowMs / 1000);
  return s - (((s % limit.windowSeconds) + limit.windowSeconds) % limit.windowSeconds);
};

/** When a window's count may be forgotten (seconds since the epoch, a storage TTL): one window after it ends. */
export const rateExpiryOf = (windowStart: number, limit: RateLimit): number => windowStart + 2 * limit.windowSeconds;

/** Seconds until the window ends (what a refused person is told to wait), at least 1. */
export const secondsUntilNextWindow = (nowMs: number, limit: RateLimit): number =>
  Math.max(1, rateWindowOf(nowMs, limit) + limit.windowSeconds - Math.floor(nowMs / 1000));
