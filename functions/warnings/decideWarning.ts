import { legalDateOfInstant } from '../../domain/dates.ts';
import { validate } from '../../domain/validation.ts';
import { confirmProblem, insufficientProblem } from '../../domain/warnings/warning.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { CreditWarningDocument } from '../ports/warnings.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import { conflict, invalid } from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { warningDecisionBody } from './contracts.ts';
import type { WarningChangeOutcome } from './reportRectification.ts';
import { findWarning, type WarningPorts } from './warningPorts.ts';

/**
 * The bureau's decision on a reported rectification (Art 22 "经盟市生态环境局确认后结束信用预警"):
 * - 确认整改: the record's `rectifiedOn` becomes the date the unit reported, through the record's
 *   lifecycle claim and outbox message (as a platform's `record.rectified`), so the evaluation
 *   does not deduct it; refused after the deadline (I8: the deduction stands, the Art 27 repair
 *   wait starts instead);
 * - 整改不到位: with the reasons; the unit may report again until the deadline.
 */
export class DecideWarning {
  constructor(private readonly ports: Pick<WarningPorts, 'store' | 'warnings' | 'queue' | 'clock'>) {}

  async execute(caller: Caller, body: unknown): Promise<WarningChangeOutcome> {
    const role = authorize(caller, 'warning.issue');
    if (!role.ok) return role.refusal;
    const parsed = validate(warningDecisionBody, body ?? {});
    if (!parsed.ok) return invalid(parsed.issues);
    const b = parsed.value;
    const found = await findWarning(this.ports, b.eventId);
    if (!found || !authorize(caller, 'warning.issue', { league: found.doc.league }).ok) return { status: 'notFound' };
    const { doc, stored } = found;
    const now = this.ports.clock.now();
    const at = now.toISOString();
    const today = legalDateOfInstant(now);
    const actor = actorOf(role.claims);
    const reasons = b.reasons?.trim() ?? '';
    if (b.decision === 'insufficient') {
      if (reasons === '') return invalid([{ path: 'reasons', message: '请填写整改不到位的理由' }]);
      const problem = insufficientProblem(doc, today);
      if (problem) return conflict('WARNING_STATE', problem);
    } else {
      const problem = confirmProblem(doc, today);
      if (problem) return conflict('WARNING_STATE', problem);
      const claimed = await this.rectify(doc, actor, at);
      if (claimed !== null) return claimed;
    }
    const confirmed = b.decision === 'confirm';
    const next: CreditWarningDocument = {
      ...doc,
      status: confirmed ? 'confirmed' : 'insufficient',
      decisions: [
        ...doc.decisions,
        { at, decision: confirmed ? 'confirmed' : 'insufficient', reasons: confirmed ? null : reasons, by: actor },
      ],
      version: doc.version + 1,
    };
    const written = await this.ports.warnings.putWarning(next, stored ? doc.version : null, {
      subject: doc.subject,
      at,
      actor,
      action: confirmed ? 'warning.confirmed' : 'warning.insufficient',
      what: { eventId: doc.eventId, ...(confirmed ? { rectifiedOn: doc.rectifiedOn } : {}) },
      why: confirmed ? null : reasons,
    });
    // A confirmation already claimed stands; deciding again finds the claim and completes the document.
    if (!written) return conflict('WARNING_CHANGED', '该信用预警刚被更新，请重新打开后再处理');
    return { status: 'ok', value: next };
  }

  /** The record's rectification, claimed with its outbox message and sent; null when claimed (or already so). */
  private async rectify(doc: CreditWarningDocument, actor: string, at: string): Promise<WarningChangeOutcome | null> {
    const on = doc.rectifiedOn!;
    const message: RecordMessage = {
      type: 'record.rectified',
      eventId: doc.eventId,
      subject: doc.subject,
      on,
      source: actor,
      receivedAt: at,
    };
    const claimed = await this.ports.store.claimLifecycle(doc.eventId, 'rectifiedOn', on, { message, at });
    if (claimed.outcome === 'unknown') return { status: 'notFound' };
    if (claimed.outcome === 'conflict')
      return conflict(
        'RECTIFIED_OTHERWISE',
        `该信息已记录了其他整改完成日期（${claimed.claim.rectifiedOn}），不能确认`,
      );
    if (claimed.outcome === 'claimed') {
      // A failed send only delays it: the outbox sweeper sends it (docs/ingestion.md).
      await this.ports.queue.send([message]).catch(() => undefined);
      return null;
    }
    const entry = await this.ports.store.outboxMessage({ eventId: doc.eventId, entry: 'rectifiedOn' });
    if (entry && !entry.applied && !entry.stuck && entry.message)
      await this.ports.queue.send([entry.message]).catch(() => undefined);
    return null;
  }
}
