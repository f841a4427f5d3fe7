import { commitmentYearOn } from '../../../domain/commitments/letters.ts';
import { isLeagueCode, type LeagueCode } from '../../../domain/identifiers/leagues.ts';
import { COLUMNS, parseCategories } from '../../../domain/participants/importList.ts';
import type { ProfileStore, SubjectRef } from '../../ports/store.ts';
import type { VoluntaryApplication, VoluntaryStore } from '../../ports/voluntary.ts';
import type { Caller } from '../../shared/auth.ts';
import type { Clock } from '../../shared/clock.ts';
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
} from '../../shared/errors.ts';
import { authorize } from '../../shared/policy.ts';

/** A unit's view of taking part of its own accord: the evaluation year under way and its application to it. */
export interface VoluntaryView {
  readonly year: number;
  readonly league: LeagueCode;
  readonly application: VoluntaryApplication | null;
}

type Denied = Unauthorized | Forbidden | NotFound;

/**
 * Art 6(8): a unit not otherwise brought in may apply to take part in the evaluation. It applies for
 * the evaluation year under way (`commitmentYearOn`: filing happens in the year after) to the bureau
 * of the league its profile names; only a unit a bureau registered can apply, and only once while pending.
 */
export class VoluntaryParticipation {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly applications: Pick<VoluntaryStore, 'apply' | 'application'>,
    private readonly clock: Clock,
  ) {}

  async view(caller: Caller, self: SubjectRef): Promise<Outcome<VoluntaryView, Denied>> {
    const unit = await this.unit(caller, self);
    if (unit.status !== 'ok') return unit;
    const { year, league } = unit.value;
    const application = await this.applications.application({ year, kind: unit.value.kind, league }, self.id);
    return ok({ year, league, application });
  }

  /**
   * An agency applies with its Annex 2 categories (at least one): its list entry needs them, since
   * its standard applies by category (Art 12, Annex 2), so the bureau can accept it as it applied.
   */
  async apply(
    caller: Caller,
    self: SubjectRef,
    input: { readonly categories?: readonly string[] } = {},
  ): Promise<Outcome<VoluntaryApplication, Denied | Invalid | Conflict>> {
    const unit = await this.unit(caller, self);
    if (unit.status !== 'ok') return unit;
    let categories: VoluntaryApplication['categories'];
    if (unit.value.kind === 'agency') {
      const parsed = parseCategories((input.categories ?? []).join('；'));
      if ('problem' in parsed) return invalid([{ path: COLUMNS.categories, message: parsed.problem }]);
      categories = parsed.categories;
    }
    const application: VoluntaryApplication = {
      year: unit.value.year,
      kind: unit.value.kind,
      league: unit.value.league,
      code: self.id,
      name: unit.value.name,
      ...(categories ? { categories } : {}),
      status: 'pending',
      appliedAt: this.clock.now().toISOString(),
      reason: null,
      decidedBy: null,
      decidedAt: null,
    };
    const stored = await this.applications.apply(application);
    if (stored === 'pending')
      return conflict('VOLUNTARY_PENDING', '本单位已提交自愿参加申请，正在等待生态环境部门处理，不能重复申请');
    return ok(application);
  }

  private async unit(
    caller: Caller,
    self: SubjectRef,
  ): Promise<Outcome<{ year: number; kind: 'enterprise' | 'agency'; league: LeagueCode; name: string }, Denied>> {
    const allowed = authorize(caller, 'voluntary.apply', self);
    if (!allowed.ok) return allowed.refusal;
    if (self.kind !== 'enterprise' && self.kind !== 'agency') return { status: 'forbidden' };
    const profile = await this.profiles.getProfile(self);
    if (profile?.registration !== 'registered') return notFound;
    const subject = profile.subject;
    const league = 'league' in subject ? subject.league : null;
    if (typeof league !== 'string' || !isLeagueCode(league)) return notFound;
    return ok({ year: commitmentYearOn(this.clock.now()), kind: self.kind, league, name: subject.name ?? self.id });
  }
}
