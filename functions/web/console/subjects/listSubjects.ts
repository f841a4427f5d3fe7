import { SUBJECT_KINDS, type SubjectKind } from '../../../../domain/catalogue/kinds.ts';
import { legalDateOfInstant } from '../../../../domain/dates.ts';
import {
  isJurisdictionCode,
  isLeagueCode,
  JURISDICTION_CODES,
  type LeagueCode,
} from '../../../../domain/identifiers/leagues.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import { refKey, type SnapshotHead, type SubjectListing } from '../../../ports/consoleLists.ts';
import type { ObjectionStore } from '../../../ports/objections.ts';
import type { StoredProfile, SubjectRef } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import type { Clock } from '../../../shared/clock.ts';
import {
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type Outcome,
  ok,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { authorize } from '../../../shared/policy.ts';
import { leagueOf, liveYears } from '../../../shared/subjectEvaluation.ts';
import { GRADES } from '../../ui/format.ts';

/**
 * The console's list of subjects (docs/console.md): by league, kind, live grade and name or code,
 * paged, or whole for the Excel export. Only the leagues in the caller's jurisdiction are read (the
 * policy's `subject.readLive`: the region every league, a league bureau its own).
 */
export interface SubjectFilter {
  readonly league?: string;
  readonly kind?: string;
  readonly grade?: string;
  readonly q?: string;
  readonly year?: string;
  readonly cursor?: string;
}

export interface SubjectRow {
  readonly ref: SubjectRef;
  readonly name: string | null;
  readonly league: string | null;
  readonly registration: StoredProfile['registration'];
  readonly head: SnapshotHead | null;
  /** Under an open objection (有异议（复核中）, Art 17(3), 18(4)): the bureau has a review to make. */
  readonly disputed: boolean;
}

export interface SubjectList {
  readonly year: number;
  /** The years a list may show: the live ones. */
  readonly years: readonly number[];
  /** The leagues the caller may list. */
  readonly leagues: readonly string[];
  readonly rows: readonly SubjectRow[];
  readonly total: number;
  /** The cursor of the next page; null on the last. */
  readonly next: string | null;
}

export const PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 100;

type Refused = Invalid | Forbidden | Unauthorized;

export class ListSubjects {
  constructor(
    private readonly listing: SubjectListing,
    private readonly clock: Clock,
    private readonly objections: Pick<ObjectionStore, 'objectionsOf'>,
  ) {}

  /** One page (`PAGE_SIZE` rows after `cursor`), or every row with `all`. */
  async execute(caller: Caller, filter: SubjectFilter, all = false): Promise<Outcome<SubjectList, Refused>> {
    const role = authorize(caller, 'subject.readLive');
    if (!role.ok) return role.refusal;
    const years = liveYears(legalDateOfInstant(this.clock.now()));
    const issues = filterIssues(filter, years);
    if (issues.length > 0) return invalid(issues);
    const year = filter.year ? Number(filter.year) : years[years.length - 1]!;
    const mine = (league: string | null) =>
      authorize(caller, 'subject.readLive', { kind: 'enterprise', id: '', league }).ok;
    const leagues = [...JURISDICTION_CODES, null].filter(mine) as (string | null)[];
    if (filter.league && !mine(filter.league)) return forbidden;
    const scope = filter.league ? [filter.league] : leagues;
    const kinds: SubjectKind[] = filter.kind ? [filter.kind as SubjectKind] : [...SUBJECT_KINDS];
    const q = filter.q?.trim().toUpperCase() ?? '';

    const rows: { key: string; profile: StoredProfile }[] = [];
    for (const league of scope) {
      const grades = filter.grade ? await this.listing.gradesOf(year, league) : null;
      for (const [k, kind] of kinds.entries()) {
        // Practitioners without a league are listed apart (`none`); units always have one.
        if (league === null && kind !== 'practitioner') continue;
        for (const profile of await this.listing.profilesOf(league, kind)) {
          const s = profile.subject;
          if (q && !s.id.toUpperCase().includes(q) && !(s.name ?? '').toUpperCase().includes(q)) continue;
          if (grades && grades.get(refKey(s)) !== filter.grade) continue;
          rows.push({ key: `${league ?? '~'}#${k}#${s.id}`, profile });
        }
      }
    }
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const from = all || !filter.cursor ? 0 : rows.findIndex((r) => r.key > filter.cursor!);
    const start = from < 0 ? rows.length : from;
    const shown = all ? rows : rows.slice(start, start + PAGE_SIZE);
    const more = !all && start + PAGE_SIZE < rows.length;
    const [heads, disputed] = await Promise.all([
      this.listing.snapshotHeads(
        shown.map((r) => ({ kind: r.profile.subject.kind, id: r.profile.subject.id })),
        year,
      ),
      this.disputedAmong(shown.map((r) => leagueOf(r.profile.subject))),
    ]);
    return ok({
      year,
      years,
      leagues: leagues.filter((l): l is string => l !== null),
      total: rows.length,
      next: more ? shown[shown.length - 1]!.key : null,
      rows: shown.map(({ profile }) => {
        const s = profile.subject;
        const ref = { kind: s.kind, id: s.id };
        return {
          ref,
          name: s.name ?? null,
          league: leagueOf(s),
          registration: profile.registration,
          head: heads.get(refKey(ref)) ?? null,
          disputed: disputed.has(refKey(ref)),
        };
      }),
    });
  }

  /** The subjects (by `refKey`) under an open objection, read once per league of the shown rows. */
  private async disputedAmong(leagues: readonly (string | null)[]): Promise<Set<string>> {
    const distinct = [...new Set(leagues)].filter((l): l is LeagueCode => l !== null && isLeagueCode(l));
    const all = await Promise.all(distinct.map((l) => this.objections.objectionsOf(l)));
    return new Set(
      all
        .flat()
        .filter((o) => o.status === 'open')
        .map((o) => refKey(o.subject)),
    );
  }
}

/** Each filter's problem, naming the field. */
const filterIssues = (f: SubjectFilter, years: readonly number[]): InputIssue[] => {
  const out: InputIssue[] = [];
  if (f.league && !isJurisdictionCode(f.league))
    out.push({ path: 'league', message: '盟市须为自治区12个盟市或自治区本级的行政区划代码' });
  if (f.kind && !(SUBJECT_KINDS as readonly string[]).includes(f.kind))
    out.push({ path: 'kind', message: '类型须为企事业单位、第三方服务机构或相关从业人员' });
  if (f.grade && !(GRADES as readonly string[]).includes(f.grade))
    out.push({ path: 'grade', message: '等级须为 A、B、C 或 D' });
  if (f.q && f.q.length > MAX_QUERY_LENGTH)
    out.push({ path: 'q', message: `名称或代码不能超过${MAX_QUERY_LENGTH}个字符` });
  if (f.year && !years.map(String).includes(f.year)) out.push({ path: 'year', message: `年度须为${years.join('或')}` });
  if (f.cursor && f.cursor.length > 200) out.push({ path: 'cursor', message: '分页位置无效' });
  return out;
};
