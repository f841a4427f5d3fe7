import { type BasicInformationForm, checkBasicInformation } from '../../domain/filing/basicInformation.ts';
import { type FilingStatus, statusOfFiling } from '../../domain/filing/filing.ts';
import type { FilingStore } from '../ports/filings.ts';
import type { SubjectRef } from '../ports/store.ts';
import type { Caller } from '../shared/auth.ts';
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
import { type FilingReaders, participantFiling } from './participantFiling.ts';

/**
 * Art 20: a participant files its basic information for the year, once. A filing after the window
 * closed is accepted and marked late (its status says so); before the league notified its
 * participants there is no window to file in. Bad input changes nothing and names the field.
 */
export class FileBasicInformation {
  constructor(
    private readonly readers: FilingReaders,
    private readonly filings: Pick<FilingStore, 'file'>,
    private readonly clock: Clock,
  ) {}

  async execute(
    caller: Caller,
    ref: SubjectRef,
    form: BasicInformationForm,
  ): Promise<Outcome<{ readonly status: FilingStatus }, Unauthorized | Forbidden | NotFound | Invalid | Conflict>> {
    const allowed = authorize(caller, 'participant.own', ref);
    if (!allowed.ok) return allowed.refusal;
    const now = this.clock.now();
    const found = await participantFiling(this.readers, ref, now);
    if (!found) return notFound;
    if (!found.window) return conflict('FILING_NOT_OPEN', '生态环境主管部门尚未通知参评，填报尚未开始');
    if (found.filing?.filedAt) return conflict('FILING_DONE', '本年度基本信息已填报，不可重复填报');
    const checked = checkBasicInformation(found.entry.kind, form);
    if (!checked.ok) return invalid(checked.issues);
    const at = now.toISOString();
    const filing = {
      year: found.year,
      kind: found.entry.kind,
      code: found.entry.code,
      league: found.entry.league,
      // A filing marked missing keeps the window it was marked against.
      window: found.filing?.window ?? found.window,
      filedAt: at,
      filedBy: `participant:${ref.kind}:${ref.id}`,
      basic: checked.value,
      markedMissingAt: found.filing?.markedMissingAt ?? null,
    };
    if ((await this.filings.file(ref, filing)) === 'exists')
      return conflict('FILING_DONE', '本年度基本信息已填报，不可重复填报');
    return ok({ status: statusOfFiling(filing, at) });
  }
}
