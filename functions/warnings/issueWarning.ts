import { ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { legalDateOfInstant } from '../../domain/dates.ts';
import { isLeagueCode, jurisdictionName } from '../../domain/identifiers/leagues.ts';
import { warningNoticeText } from '../../domain/notices/warning.ts';
import type { InputIssue } from '../../domain/validation.ts';
import { validate } from '../../domain/validation.ts';
import {
  deadlineProblem,
  deductionText,
  isWarnableRule,
  occurredProblem,
  warnedKindProblem,
  warningEventId,
} from '../../domain/warnings/warning.ts';
import { commitCreated } from '../ingest-http/commitCreated.ts';
import type { DeliveryPorts } from '../ingest-http/delivery.ts';
import { validateRecords } from '../ingest-http/validateRecords.ts';
import type { CreditWarningDocument } from '../ports/warnings.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  ok,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { leagueOf } from '../shared/subjectEvaluation.ts';
import { issueWarningBody } from './contracts.ts';
import { nameOf, type WarningPorts } from './warningPorts.ts';

export type IssueWarningOutcome =
  | { readonly status: 'ok'; readonly value: { readonly eventId: string } }
  | Unauthorized
  | Forbidden
  | Invalid
  | Conflict;

/** The record's fields as the form names them (a problem of the record names the form's field). */
const FORM_FIELD: Readonly<Record<string, string>> = {
  'record.subject.id': 'subjectId',
  'record.subject.kind': 'subjectKind',
  'record.subject': 'subjectId',
  'record.rule': 'rule',
  'record.occurredOn': 'occurredOn',
  'record.summary': 'description',
  'record.warning.deadline': 'deadline',
  'record.warning.issuedOn': 'deadline',
  'record.warning': 'rule',
};

/**
 * A league bureau issues a written credit warning (Art 21-22): the warned behaviour becomes a credit
 * record carrying `warning: {issuedOn, deadline}`, claimed exactly as a webhook's record (source
 * `bureau:<league>`, its message in the outbox), so the evaluation, the pending item and the expiry
 * deadline are the ones of every warning. Beside it: the warning's document and its notice. The
 * event id is derived from the content, so the same warning submitted twice changes nothing.
 */
export class IssueWarning {
  constructor(private readonly ports: WarningPorts) {}

  async execute(caller: Caller, body: unknown): Promise<IssueWarningOutcome> {
    const role = authorize(caller, 'warning.issue');
    if (!role.ok) return role.refusal;
    const league = role.claims.league;
    if (league === undefined || !isLeagueCode(league)) return { status: 'forbidden' };
    const parsed = validate(issueWarningBody, body ?? {});
    if (!parsed.ok) return invalid(parsed.issues);
    const b = parsed.value;
    const now = this.ports.clock.now();
    const today = legalDateOfInstant(now);
    const issues: InputIssue[] = [];
    const kindProblem = warnedKindProblem(b.subjectKind);
    if (kindProblem) issues.push({ path: 'subjectKind', message: kindProblem });
    const rule = ruleByCode(b.rule);
    if (!rule || !isWarnableRule(rule, b.subjectKind))
      issues.push({ path: 'rule', message: '所选失信行为不适用于该单位，或不能下达信用预警' });
    const late = deadlineProblem(today, b.deadline);
    if (late) issues.push({ path: 'deadline', message: late });
    const future = occurredProblem(b.occurredOn, today);
    if (future) issues.push({ path: 'occurredOn', message: future });
    const subject = { kind: b.subjectKind, id: b.subjectId.trim() };
    const profile = kindProblem ? null : await this.ports.store.getProfile(subject);
    if (!kindProblem && !profile)
      issues.push({ path: 'subjectId', message: '未找到该统一社会信用代码的参评单位，请先登记评价对象' });
    if (issues.length > 0) return invalid(issues);
    // Art 21: a league bureau warns the units of its own league.
    const subjectLeague = profile ? leagueOf(profile.subject) : null;
    const inLeague = authorize(caller, 'warning.issue', { league: subjectLeague ?? '' });
    if (!inLeague.ok) return inLeague.refusal;

    const eventId = warningEventId(league, today, {
      subject,
      rule: b.rule,
      occurredOn: b.occurredOn,
      description: b.description,
      rectificationRequired: b.rectificationRequired,
      deadline: b.deadline,
    });
    const source = `bureau:${league}`;
    const record = {
      eventId,
      subject,
      rule: b.rule,
      occurredOn: b.occurredOn,
      department: jurisdictionName(league),
      league,
      summary: b.description,
      warning: { issuedOn: today, deadline: b.deadline },
    };
    const validated = await validateRecords([{ raw: record, path: 'record' }], this.ports.store);
    if (!validated.ok) {
      const o = validated.outcome;
      return o.status === 'invalid'
        ? invalid(o.issues.map((i) => ({ path: FORM_FIELD[i.path] ?? i.path, message: i.message })))
        : conflict('WARNING_CONFLICT', '该信用预警与已有信息冲突，请核对后重试');
    }
    const delivery: DeliveryPorts = {
      store: this.ports.store,
      clock: this.ports.clock,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      // A failed enqueue only delays the record: the outbox sweeper sends it (docs/ingestion.md).
      enqueue: (messages) => this.ports.queue.send(messages).catch(() => undefined),
    };
    const claimed = await commitCreated(delivery, validated.byId, 0, source, now.toISOString());
    if (claimed.status === 'conflict') return conflict('WARNING_CONFLICT', '该信息编号已被其他内容占用，请核对后重试');
    if (claimed.status !== 'accepted') return conflict('BUSY', '系统繁忙，请稍后重试');

    const actor = actorOf(role.claims);
    const subjectName = await nameOf(this.ports, subject);
    const doc: CreditWarningDocument = {
      eventId,
      subject,
      subjectName,
      league,
      origin: 'bureau',
      rule: b.rule,
      occurredOn: b.occurredOn,
      description: b.description,
      rectificationRequired: b.rectificationRequired,
      issuedOn: today,
      deadline: b.deadline,
      status: 'open',
      rectifiedOn: null,
      reports: [],
      decisions: [],
      issuedBy: actor,
      version: 1,
    };
    // Put once: a second submission of the same warning finds it there and changes nothing.
    await this.ports.warnings.putWarning(doc, null, {
      subject,
      at: now.toISOString(),
      actor,
      action: 'warning.issued',
      what: { eventId, rule: b.rule, occurredOn: b.occurredOn, deadline: b.deadline },
      why: null,
    });
    const text = warningNoticeText({
      eventId,
      subjectName,
      subjectCode: subject.id,
      league,
      issuedOn: today,
      occurredOn: b.occurredOn,
      wording: rule!.wording,
      pointsText: deductionText(rule!),
      description: b.description,
      rectificationRequired: b.rectificationRequired,
      deadline: b.deadline,
    });
    await this.ports.notices.issue({
      id: `warning-${eventId}`,
      kind: 'warning',
      to: subject,
      toName: subjectName,
      league,
      year: null,
      title: text.title,
      body: text.body,
      deadline: b.deadline,
      issuedAt: now.toISOString(),
      issuedBy: actor,
    });
    return ok({ eventId });
  }
}
