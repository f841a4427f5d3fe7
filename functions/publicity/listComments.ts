import { isLeagueCode, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { hasPublicity, type PublicityWindow, publicityWindowOf } from '../../domain/publicity/window.ts';
import type { CommentStore, PublicComment } from '../ports/comments.ts';
import type { CycleStore } from '../ports/cycleStore.ts';
import type { Caller } from '../shared/auth.ts';
import { type Forbidden, type NotFound, notFound, type Outcome, ok, type Unauthorized } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';

export interface CommentList {
  readonly publicity: PublicityWindow;
  /** The leagues shown: the caller's own, or every league of the cycle for the region. */
  readonly leagues: readonly LeagueCode[];
  readonly comments: readonly PublicComment[];
}

/**
 * The public's comments on a publicity, for the bureaus that investigate them (Art 16(4) 调查核实):
 * a league bureau its league's entries, the region every league (Art 8). The contact is shown here
 * only, never on a public page.
 */
export class ListComments {
  constructor(
    private readonly cycles: Pick<CycleStore, 'getCycle' | 'listCycles'>,
    private readonly comments: Pick<CommentStore, 'commentsOf'>,
  ) {}

  /** The publicities a bureau can open comments of, newest first. */
  async publicities(caller: Caller): Promise<Outcome<PublicityWindow[], Unauthorized | Forbidden>> {
    const auth = authorize(caller, 'comment.investigate');
    if (!auth.ok) return auth.refusal;
    return ok(
      (await this.cycles.listCycles())
        .map(publicityWindowOf)
        .filter((w): w is PublicityWindow => w !== null)
        .sort((a, b) => b.opensOn.localeCompare(a.opensOn) || a.kind.localeCompare(b.kind)),
    );
  }

  async execute(
    caller: Caller,
    asked: { readonly year: string; readonly kind: string; readonly league?: string | undefined },
  ): Promise<Outcome<CommentList, Unauthorized | Forbidden | NotFound>> {
    const role = authorize(caller, 'comment.investigate');
    if (!role.ok) return role.refusal;
    const own = role.claims.role === 'league' ? role.claims.league : undefined;
    const league = asked.league || own;
    if (league !== undefined) {
      const auth = authorize(caller, 'comment.investigate', { league });
      if (!auth.ok) return auth.refusal;
    }
    if (!/^\d{4}$/.test(asked.year) || !hasPublicity(asked.kind)) return notFound;
    const cycle = await this.cycles.getCycle(Number(asked.year), asked.kind);
    const publicity = cycle ? publicityWindowOf(cycle) : null;
    if (!cycle || !publicity) return notFound;
    const inCycle = (Object.keys(cycle.leagues) as LeagueCode[]).sort();
    if (league !== undefined && (!isLeagueCode(league) || !inCycle.includes(league))) return notFound;
    const leagues = league !== undefined ? [league as LeagueCode] : inCycle;
    const comments = (
      await Promise.all(
        leagues.map((l) => this.comments.commentsOf({ year: publicity.year, kind: publicity.kind, league: l })),
      )
    )
      .flat()
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
    return ok({ publicity, leagues, comments });
  }
}
