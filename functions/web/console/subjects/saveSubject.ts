import { MAX_REASON_LENGTH, textProblem } from '../../../../domain/records/bounds.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { ProfileStore, StoredProfile, SubjectRef } from '../../../ports/store.ts';
import type { Caller } from '../../../shared/auth.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  forbidden,
  type Invalid,
  invalid,
  type Outcome,
  type Unauthorized,
} from '../../../shared/errors.ts';
import { subjectPathIssues } from '../../../shared/http.ts';
import { authorize } from '../../../shared/policy.ts';
import { leagueOf } from '../../../shared/subjectEvaluation.ts';

/** The registration use case (`functions/register-subject/registerSubject.ts`), as the page calls it. */
export type Register = (
  caller: Caller,
  ref: SubjectRef,
  body: Record<string, unknown>,
  why: string | null,
) => Promise<Outcome<{ readonly created: boolean; readonly profile: StoredProfile }, Invalid | Forbidden | Conflict>>;

export type Saved = Outcome<
  { readonly created: boolean; readonly profile: StoredProfile },
  Invalid | Forbidden | Conflict | Unauthorized
>;

/**
 * Registers or edits a subject from the console's form (Art 16(1), 17(1), 18(1)): the form carries
 * the version it was opened at (0 for a new subject), and a form opened before someone else's change
 * is refused as stale instead of overwriting it. Registration itself (validation, jurisdiction,
 * audit with the reason given, re-evaluation) is the registration use case's.
 */
export class SaveSubject {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly register: Register,
  ) {}

  async execute(
    caller: Caller,
    ref: { readonly kind: string; readonly id: string },
    body: Record<string, unknown>,
    formVersion: number,
    why: string | null,
  ): Promise<Saved> {
    const role = authorize(caller, 'subject.register');
    if (!role.ok) return role.refusal;
    const issues: InputIssue[] = subjectPathIssues(ref.kind, ref.id);
    if (why !== null && (why.length > MAX_REASON_LENGTH || textProblem(why, true) !== null))
      issues.push({ path: 'why', message: `修改原因不能超过${MAX_REASON_LENGTH}个字符，且不能含有控制字符` });
    if (issues.length > 0) return invalid(issues);
    const subject = ref as SubjectRef;
    const existing = await this.profiles.getProfile(subject);
    // Another league's subject is refused before its version is compared, so nothing about it shows.
    if (existing && !authorize(caller, 'subject.register', { ...subject, league: leagueOf(existing.subject) }).ok)
      return forbidden;
    const current = existing?.version ?? 0;
    if (current !== formVersion)
      return conflict(
        'STALE_FORM',
        formVersion === 0
          ? '该代码的主体已存在（已登记，或由报送的信用信息自动生成），请打开该主体的“编辑登记信息”页面修改'
          : `该主体在您打开表单后已被修改（现为第${current}版，表单为第${formVersion}版），请重新打开编辑页面后再提交`,
      );
    return this.register(caller, subject, body, why);
  }
}
