import { legalDateOfInstant } from '../../domain/dates.ts';
import { validate } from '../../domain/validation.ts';
import { reportProblem } from '../../domain/warnings/warning.ts';
import { EVIDENCE_KEY, evidencePrefixOf } from '../ports/evidenceStore.ts';
import type { CreditWarningDocument } from '../ports/warnings.ts';
import { actorOf, type Caller } from '../shared/auth.ts';
import {
  type Conflict,
  conflict,
  type Forbidden,
  type Invalid,
  invalid,
  type NotFound,
  type Unauthorized,
} from '../shared/errors.ts';
import { authorize } from '../shared/policy.ts';
import { reportRectificationBody } from './contracts.ts';
import { findWarning, type WarningPorts } from './warningPorts.ts';

export type WarningChangeOutcome =
  | { readonly status: 'ok'; readonly value: CreditWarningDocument }
  | Unauthorized
  | Forbidden
  | Invalid
  | NotFound
  | Conflict;

/**
 * The warned unit reports its rectification (Art 22 "在评价期内要求的时限内完成有效整改"): the date
 * it was done, what was done and the evidence files, within the deadline. The report waits for the
 * bureau's confirmation; nothing about the record changes until then.
 */
export class ReportRectification {
  constructor(private readonly ports: Pick<WarningPorts, 'store' | 'warnings' | 'clock'>) {}

  async execute(caller: Caller, body: unknown): Promise<WarningChangeOutcome> {
    const role = authorize(caller, 'warning.report');
    if (!role.ok) return role.refusal;
    const parsed = validate(reportRectificationBody, body ?? {});
    if (!parsed.ok) return invalid(parsed.issues);
    const b = parsed.value;
    const found = await findWarning(this.ports, b.eventId);
    if (!found || !authorize(caller, 'warning.report', found.doc.subject).ok) return { status: 'notFound' };
    const { doc, stored } = found;
    const badFile = b.evidenceFiles.find((k) => !EVIDENCE_KEY.test(k) || !k.startsWith(evidencePrefixOf(doc.subject)));
    if (badFile !== undefined) return invalid([{ path: 'evidenceFiles', message: '证明材料文件编号无效，请重新上传' }]);
    const now = this.ports.clock.now();
    const today = legalDateOfInstant(now);
    const problem = reportProblem(doc, b.rectifiedOn, today);
    if (problem)
      return problem.field
        ? invalid([{ path: problem.field, message: problem.message }])
        : conflict('WARNING_STATE', problem.message);
    const actor = actorOf(role.claims);
    const next: CreditWarningDocument = {
      ...doc,
      status: 'reported',
      rectifiedOn: b.rectifiedOn,
      reports: [
        ...doc.reports,
        { at: now.toISOString(), rectifiedOn: b.rectifiedOn, text: b.text, evidenceFiles: b.evidenceFiles, by: actor },
      ],
      version: doc.version + 1,
    };
    const written = await this.ports.warnings.putWarning(next, stored ? doc.version : null, {
      subject: doc.subject,
      at: now.toISOString(),
      actor,
      action: 'warning.reported',
      what: { eventId: doc.eventId, rectifiedOn: b.rectifiedOn, evidenceFiles: b.evidenceFiles.length },
      why: null,
    });
    if (!written) return conflict('WARNING_CHANGED', '该信用预警刚被更新，请重新打开后再报告');
    return { status: 'ok', value: next };
  }
}
