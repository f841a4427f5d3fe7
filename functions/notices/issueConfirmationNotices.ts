import { legalDateOfInstant } from '../../domain/dates.ts';
import { jurisdictionName } from '../../domain/identifiers/leagues.ts';
import { confirmationNotice, confirmationNoticeId } from '../../domain/notices/confirmation.ts';
import type { NoticeStore } from '../ports/notices.ts';
import type { SubjectRecordStore } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { evaluateStored, publicShape } from '../shared/subjectEvaluation.ts';
import type { ConfirmationNoticesMessage } from './confirmationNoticesMessage.ts';
import type { IssueCount, LeagueCycle } from './issueParticipantsNotices.ts';

/**
 * 信息确认通知 (Art 17(3), 18(4)): once a league records `confirmationNotified`, every participant on
 * its list gets its records with their points and its pre-grade, evaluated by the domain on the
 * notice's day, and the objection deadline (the CONFIRMATION window's close, carried by the message).
 * It runs on the rescore worker (which carries the evaluation), handed there by the act; ids are deterministic
 * (`confirmation-<year>-<kind>`), so a second run — the act recorded again, or the nightly run while
 * the window is open — issues only the ones missing (docs/notices.md).
 */
export class IssueConfirmationNotices {
  constructor(
    private readonly store: SubjectRecordStore,
    private readonly notices: Pick<NoticeStore, 'issue' | 'notice'>,
    private readonly clock: Clock,
  ) {}

  async execute(m: ConfirmationNoticesMessage): Promise<IssueCount> {
    const none = { issued: 0, existing: 0 };
    const { window, issuedBy } = m;
    const of: LeagueCycle = { year: m.year, kind: m.kind, league: m.league };
    // Enterprises have no confirmation stage (Art 16). A practitioner's notice is addressed to it and
    // shown to the unit that filed it (Art 18(1), 18(4); docs/notices.md).
    if (of.kind === 'enterprise') return none;
    const now = this.clock.now().toISOString();
    // Written within the objection window only (I12: to 23:59:59 of its closing date).
    if (Date.parse(now) > Date.parse(window.closesAt)) return none;
    const entries = m.participants;
    const id = confirmationNoticeId(of.year, of.kind);
    const bureau = jurisdictionName(of.league);
    const today = legalDateOfInstant(this.clock.now());
    let issued = 0;
    let existing = 0;
    for (const e of entries) {
      const to = { kind: of.kind, id: e.code };
      if (await this.notices.notice(to, id)) {
        existing++;
        continue;
      }
      const partition = await this.store.loadSubject(to);
      const records = partition.records.map((r) => r.record);
      const evaluated = await evaluateStored(this.store, to, partition, records, [of.year], today);
      const result = evaluated.results.get(of.year);
      if (!result) continue;
      const text = confirmationNotice({
        year: of.year,
        kind: of.kind,
        code: e.code,
        name: e.name,
        bureau,
        issuedOn: window.opensOn,
        deadline: window.closesOn,
        article: window.article,
        result: publicShape(result),
      });
      const r = await this.notices.issue({
        id,
        kind: 'confirmation',
        to,
        toName: e.name,
        league: of.league,
        year: of.year,
        title: text.title,
        body: text.body,
        deadline: window.closesOn,
        issuedAt: now,
        issuedBy,
      });
      if (r === 'issued') issued++;
      else existing++;
    }
    return { issued, existing };
  }
}
