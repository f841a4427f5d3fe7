import type { DecideRepair } from '../repairs/decideRepair.ts';
import type { RepairOutcome } from '../repairs/repairOutcome.ts';
import { badRequest, errorResponse, type HttpResponse, json, tokenUnauthorized } from '../shared/http.ts';
import type { Logger } from '../shared/structuredLogger.ts';

/** A repair use case's outcome as the HTTP answer (docs/api.md; Simplified Chinese, nothing internal). */
export const respond = <T>(outcome: RepairOutcome<T>, okStatus = 200): HttpResponse => {
  switch (outcome.status) {
    case 'ok':
      return json(okStatus, outcome.value);
    case 'invalid':
      return badRequest(outcome.issues);
    case 'refused':
      return json(422, { error: `不符合信用修复条件：${outcome.reasons.join('；')}`, reasons: outcome.reasons });
    case 'notFound':
      return errorResponse(404, '未找到该修复申请');
    case 'forbidden':
      // Also for a subject nothing is known about: outside one's jurisdiction, existence is not told.
      return errorResponse(403, '无权办理该主体的信用修复（不在管辖范围内）');
    case 'unauthorized':
      return tokenUnauthorized('missing');
    case 'conflict':
      return errorResponse(409, outcome.message);
  }
};

/** Errors are logged by name and message only (never a stack or a request's content). */
export const describeError = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message } : String(error);

/**
 * A repair decision's answer. Stored with its re-issue still pending (the re-issue failed): 202, and
 * the failure is logged; the nightly run completes the re-issue (Art 23).
 */
export const decisionResponse = (
  outcome: Awaited<ReturnType<DecideRepair['execute']>>,
  logger: Logger,
): HttpResponse => {
  if (outcome.status !== 'ok' || !outcome.reissueDeferred) return respond(outcome);
  logger.error('re-issue after a repair decision failed; the nightly run will complete it', {
    applicationId: outcome.reissueDeferred.applicationId,
    error: describeError(outcome.reissueDeferred.error),
  });
  return respond(outcome, 202);
};
