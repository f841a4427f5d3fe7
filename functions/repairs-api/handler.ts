import type { Logger } from '@aws-lambda-powertools/logger';
import type { TokenVerifier } from '../ports/identity.ts';
import { subjectRefOf } from '../repairs/repairOutcome.ts';
import type { RepairUseCases } from '../repairs/repairUseCases.ts';
import { identify } from '../shared/auth.ts';
import { badRequest, errorResponse, jsonBody, subjectPathIssues, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { describeError, respond } from './responses.ts';

/** Credit repair (Art 23-27): apply, list, and the bureau's decision. */
export const createRepairsApiHandler = (useCases: RepairUseCases, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const parsed = jsonBody(event);
    if (!parsed.ok) return parsed.response;
    const { kind = '', id = '', applicationId = '' } = event.pathParameters ?? {};
    const pathIssues = subjectPathIssues(kind, id);
    const ref = subjectRefOf(kind, id);
    if (pathIssues.length > 0 || !ref) return badRequest(pathIssues);
    switch (event.routeKey) {
      case 'POST /v1/subjects/{kind}/{id}/repairs':
        return respond(
          await (ref.kind === 'practitioner' ? useCases.applyForPractitionerRepair : useCases.applyForRepair).execute(
            caller,
            ref,
            parsed.value,
          ),
          201,
        );
      case 'GET /v1/subjects/{kind}/{id}/repairs':
        return respond(await useCases.listRepairs.execute(caller, ref));
      case 'POST /v1/subjects/{kind}/{id}/repairs/{applicationId}/decision': {
        const outcome = await useCases.decideRepair.execute(caller, ref, applicationId, parsed.value);
        if (outcome.status !== 'ok' || !outcome.reissueDeferred) return respond(outcome);
        // Stored, with its re-issue still pending: accepted; the nightly run completes the re-issue.
        logger.error('re-issue after a repair decision failed; the nightly run will complete it', {
          applicationId: outcome.reissueDeferred.applicationId,
          error: describeError(outcome.reissueDeferred.error),
        });
        return respond(outcome, 202);
      }
      default:
        return errorResponse(404, '未找到该接口');
    }
  });
