import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { Act, CycleKind } from '../../domain/cycles/definitions.ts';
import { type LegalDate, legalDateOfInstant } from '../../domain/dates.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { FinalResultStore } from '../ports/finalResults.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { SubjectDirectory } from '../ports/store.ts';
import type { GateRefusal, ReportGate } from '../reports/reportGate.ts';
import type { Clock } from '../shared/clock.ts';
import { registeredListed } from '../shared/subjects.ts';
import { listedPractitioners } from './listedPractitioners.ts';
import type { NotifyPractitionerResults } from './notifyPractitionerResults.ts';

/** The registered practitioners on a year's lists: those whose final result the freeze makes. */
export const registeredListedPractitioners = async (
  directory: SubjectDirectory,
  lists: Pick<ParticipantStore, 'participants'>,
  year: number,
): Promise<Set<string>> => {
  const listed = await listedPractitioners(lists, year);
  return new Set((await registeredListed(directory, new Set(listed.keys()), 'practitioner')).map((s) => s.id));
};

/** Plans the freeze of the practitioners' final results of a year as of a day (as the review does). */
export type FreezePractitioners = (year: number, on: LegalDate) => Promise<number>;

/**
 * What `resultsNotified` asks (Art 18(5)-(6)): the region notifies the leagues of the final results,
 * so every listed, registered practitioner must have one frozen (复核审定). While some are missing the
 * act is refused with how many, and their freeze is planned again as of the review's day (a freeze
 * changes nothing frozen). Once recorded — or recorded again — the leagues' notices and the letters
 * are issued (NotifyPractitionerResults; idempotent).
 */
export class PractitionerResultsGate implements ReportGate {
  constructor(
    private readonly directory: SubjectDirectory,
    private readonly lists: Pick<ParticipantStore, 'participants'>,
    private readonly finals: Pick<FinalResultStore, 'finalResults'>,
    private readonly freeze: FreezePractitioners,
    private readonly notify: Pick<NotifyPractitionerResults, 'execute'>,
    private readonly clock: Clock,
  ) {}

  async refusal(cycle: Cycle, act: Act, _league: LeagueCode | undefined): Promise<GateRefusal | null> {
    if (act !== 'resultsNotified' || cycle.kind !== 'practitioner') return null;
    const expected = await registeredListedPractitioners(this.directory, this.lists, cycle.year);
    const finals = (await this.finals.finalResults(cycle.year, 'practitioner')).filter((f) => expected.has(f.code));
    if (finals.length >= expected.size) return null;
    await this.freeze(cycle.year, finals[0]?.evaluatedOn ?? legalDateOfInstant(this.clock.now()));
    return {
      code: 'PRACTITIONER_RESULTS_PENDING',
      message: `相关从业人员评定结果尚未全部确定：参评${expected.size}人，已确定${finals.length}人，请稍后再通知盟市生态环境局`,
    };
  }

  async recorded(
    of: { readonly year: number; readonly kind: CycleKind },
    act: Act,
    _league: LeagueCode | undefined,
    actor: string,
  ): Promise<void> {
    if (act !== 'resultsNotified' || of.kind !== 'practitioner') return;
    await this.notify.execute(of.year, actor);
  }
}
