import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { LEAGUE_CODES } from '../../domain/identifiers/leagues.ts';
import type { Objection } from '../../domain/objections/objection.ts';
import { type ReviewComment, type ReviewItem, reviewItems, type SentReport } from '../../domain/review/reviewItems.ts';
import type { CommentStore, PublicComment } from '../ports/comments.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { LeagueReportStore } from '../ports/leagueReports.ts';
import type { ObjectionStore } from '../ports/objections.ts';
import type { ReviewDecision, ReviewRef, ReviewStore } from '../ports/reviews.ts';

/** What the review reads: the leagues' sent reports, the objections, the comments (when kept), its decisions. */
export interface ReviewSourcePorts {
  readonly reports: Pick<LeagueReportStore, 'versions' | 'entries'>;
  readonly objections: Pick<ObjectionStore, 'objectionsOf'>;
  /** The public comments of publicity (Art 16(3), 17(4)). */
  readonly comments: Pick<CommentStore, 'commentsOf'>;
  readonly reviews: Pick<ReviewStore, 'decisions' | 'decision'>;
}

export interface ReviewState {
  readonly items: readonly ReviewItem[];
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
  readonly objections: readonly Objection[];
  readonly comments: readonly PublicComment[];
}

/**
 * The items needing review of a year and kind (domain/review/reviewItems.ts) from each league's
 * latest report sent to the region, and the decisions taken on them.
 */
export const reviewState = async (ports: ReviewSourcePorts, ref: ReviewRef): Promise<ReviewState> => {
  const perLeague = await Promise.all(
    LEAGUE_CODES.map(async (league) => {
      const cycleRef = { year: ref.year, kind: ref.kind, league };
      const sent = (await ports.reports.versions(cycleRef)).filter((v) => v.status === 'sent').at(-1);
      const report: SentReport | null = sent
        ? { league, version: sent.version, entries: await ports.reports.entries(cycleRef, sent.version) }
        : null;
      const objections = await ports.objections.objectionsOf(league, { year: ref.year, kind: ref.kind });
      const comments =
        ref.kind !== 'practitioner'
          ? await ports.comments.commentsOf({ year: ref.year, kind: ref.kind as 'enterprise' | 'agency', league })
          : [];
      return { report, objections, comments };
    }),
  );
  const objections = perLeague.flatMap((l) => l.objections);
  const comments = perLeague.flatMap((l) => l.comments);
  const items = reviewItems({
    year: ref.year,
    kind: ref.kind as CycleKind,
    reports: perLeague.flatMap((l) => (l.report ? [l.report] : [])),
    objections,
    comments: comments.map(
      (c): ReviewComment => ({ id: c.id, subject: { kind: c.kind, id: c.code }, needsReview: c.needsReview }),
    ),
  });
  const decisions = new Map((await ports.reviews.decisions(ref)).map((d) => [d.code, d]));
  return { items, decisions, objections, comments };
};

/** The cycle and the item under review of one participant, with the review's state; null when either is missing. */
export const itemUnderReview = async (
  ports: ReviewSourcePorts,
  cycles: Pick<CycleStore, 'getCycle'>,
  ref: ReviewRef & { readonly code: string },
): Promise<{ readonly cycle: Cycle; readonly state: ReviewState; readonly item: ReviewItem } | null> => {
  const cycle = await cycles.getCycle(ref.year, ref.kind);
  if (!cycle) return null;
  const state = await reviewState(ports, ref);
  const item = state.items.find((i) => i.code === ref.code);
  return item ? { cycle, state, item } : null;
};
