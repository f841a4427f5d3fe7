import { checkFinding, findingNeedsReview } from '../../domain/publicity/comment.ts';
import { hasPublicity } from '../../domain/publicity/window.ts';
import type { CommentStore, PublicComment } from '../ports/comments.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  notFound,
  type Outcome,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

export interface FindingAsked {
  readonly year: string;
  readonly kind: string;
  readonly league: string;
  readonly id: string;
  readonly finding: string | undefined;
  readonly reasons: string | undefined;
}

/**
 * The league bureau records what its investigation of a comment found (Art 16(4) 调查核实): 情况属实,
 * 部分属实 or 情况不属实, with reasons; once, audited. A finding that may change the result marks the
 * comment `needsReview` for the review group (Art 8).
 */
export class RecordCommentFinding {
  constructor(
    private readonly comments: Pick<CommentStore, 'comment' | 'recordFinding'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    asked: FindingAsked,
  ): Promise<Outcome<PublicComment, Unauthorized | Forbidden | NotFound | Invalid | Conflict>> {
    const auth = authorize(caller, 'comment.investigate', { league: asked.league });
    if (!auth.ok) return auth.refusal;
    if (!/^\d{4}$/.test(asked.year) || !hasPublicity(asked.kind) || !/^[A-Za-z0-9_-]{1,64}$/.test(asked.id))
      return notFound;
    const scope = { year: Number(asked.year), kind: asked.kind, league: asked.league };
    const current = await this.comments.comment(scope, asked.id);
    if (!current) return notFound;
    const checked = checkFinding({ finding: asked.finding, reasons: asked.reasons });
    if (!checked.ok) return invalid(checked.issues);
    if (current.finding) return conflict('FINDING_RECORDED', '该意见已记录调查核实结果');
    const finding = { ...checked.value, by: actorOf(auth.claims), at: this.clock.now().toISOString() };
    const needsReview = findingNeedsReview(checked.value.finding);
    if (!(await this.comments.recordFinding(scope, asked.id, finding, needsReview)))
      return conflict('FINDING_RECORDED', '该意见已记录调查核实结果');
    return ok({ ...current, finding, needsReview });
  }
}
