import { legalDateOfInstant } from '../../domain/dates.ts';
import { measuresForPractitioner } from '../../domain/evaluation/measures.ts';
import { jurisdictionName, LEAGUE_CODES } from '../../domain/identifiers/leagues.ts';
import { dishonestLetter, dishonestLetterId } from '../../domain/notices/dishonestLetter.ts';
import { letterSenders } from '../../domain/notices/letterSenders.ts';
import {
  bureauAddressee,
  practitionerResultsNotice,
  practitionerResultsNoticeId,
} from '../../domain/notices/practitionerResults.ts';
import type { FinalResultStore } from '../ports/finalResults.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { ParticipantStore } from '../ports/participants.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { listedPractitioners } from './listedPractitioners.ts';

/** How many notices and letters were issued, and how many were there already. */
export interface PractitionerNoticeCount {
  readonly notices: number;
  readonly letters: number;
  readonly existing: number;
}

/**
 * Art 18(6) once the region records `resultsNotified`: "由自治区生态环境厅于每年5月30日前将评定结果
 * 通知相关生态环境局，涉及失信人员由认定失信的生态环境局进行函告". Each league bureau gets one notice
 * (从业人员评定结果通知) listing the final results of the practitioners on its list; each practitioner
 * found 环保失信个人 gets one letter (函告) from every bureau whose records make up the finding
 * (letterSenders, reading of Art 18(3),(6)), addressed to the practitioner and shown to the employer
 * that filed it. Bounded (twelve notices and the dishonest individuals' letters), so issued directly;
 * ids are deterministic, so recording the act again issues only what is missing.
 */
export class NotifyPractitionerResults {
  constructor(
    private readonly lists: Pick<ParticipantStore, 'participants'>,
    private readonly finals: Pick<FinalResultStore, 'finalResults'>,
    private readonly profiles: Pick<ProfileStore, 'getProfile'>,
    private readonly notices: Pick<NoticeStore, 'issue'>,
    private readonly clock: Clock,
  ) {}

  /** A listed practitioner without a final result (not registered, so never evaluated) is in no notice. */
  async execute(year: number, actor: string): Promise<PractitionerNoticeCount> {
    const listed = await listedPractitioners(this.lists, year);
    const finals = new Map((await this.finals.finalResults(year, 'practitioner')).map((f) => [f.code, f]));
    const now = this.clock.now().toISOString();
    const today = legalDateOfInstant(this.clock.now());
    let notices = 0;
    let letters = 0;
    let existing = 0;

    for (const league of LEAGUE_CODES) {
      const mine = [...listed.values()].filter((p) => p.leagues.includes(league) && finals.has(p.residentId));
      if (mine.length === 0) continue;
      const bureau = jurisdictionName(league);
      const text = practitionerResultsNotice({
        year,
        bureau,
        issuedOn: today,
        practitioners: mine
          .sort((a, b) => a.residentId.localeCompare(b.residentId))
          .map((p) => {
            const f = finals.get(p.residentId)!;
            return {
              residentId: p.residentId,
              name: p.name,
              dishonest: f.dishonest ?? null,
              records: f.records?.length ?? 0,
            };
          }),
      });
      const r = await this.notices.issue({
        id: practitionerResultsNoticeId(year),
        kind: 'practitionerResults',
        to: bureauAddressee(league),
        toName: bureau,
        league,
        year,
        title: text.title,
        body: text.body,
        deadline: null,
        issuedAt: now,
        issuedBy: actor,
      });
      if (r === 'issued') notices++;
      else existing++;
    }

    for (const p of listed.values()) {
      const f = finals.get(p.residentId);
      if (!f) continue;
      const records = f.records ?? [];
      const senders = letterSenders({ dishonest: f.dishonest ?? null, records, listedBy: p.leagues });
      if (senders.length === 0) continue;
      const employerName = p.employer
        ? ((await this.profiles.getProfile({ kind: p.employer.kind, id: p.employer.code }))?.subject.name ?? null)
        : null;
      for (const league of senders) {
        const text = dishonestLetter({
          year,
          residentId: p.residentId,
          name: p.name,
          employerName: typeof employerName === 'string' ? employerName : null,
          bureau: jurisdictionName(league),
          league,
          records,
          measures: measuresForPractitioner(true),
          issuedOn: today,
        });
        const r = await this.notices.issue({
          id: dishonestLetterId(year, league),
          kind: 'dishonestLetter',
          to: { kind: 'practitioner', id: p.residentId },
          toName: p.name,
          league,
          year,
          title: text.title,
          body: text.body,
          deadline: null,
          issuedAt: now,
          issuedBy: 'system:resultsNotified',
        });
        if (r === 'issued') letters++;
        else existing++;
      }
    }
    return { notices, letters, existing };
  }
}
