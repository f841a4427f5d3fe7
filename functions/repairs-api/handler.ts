import type { TokenVerifier } from '../ports/identity.ts';
import type { RepairUseCases } from '../repairs/repairUseCases.ts';
import { identify } from '../shared/auth.ts';
import { errorResponse, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import { repairRequestOf } from './request.ts';
import { decisionResponse, respond } from './responses.ts';

/** Credit repair (Art 23-27): apply, list, and the bureau's decision. */
export const createRepairsApiHandler = (useCases: RepairUseCases, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const req = repairRequestOf(event);
    if (!req.ok) return req.response;
    const { ref, applicationId, body } = req.value;
    switch (event.routeKey) {
      case 'POST /v1/subjects/{kind}/{id}/repairs': {
        const apply = ref.kind === 'practitioner' ? useCases.applyForPractitionerRepair : useCases.applyForRepair;
        return respond(await apply.execute(caller, ref, body), 201);
      }
      case 'GET /v1/subjects/{kind}/{id}/repairs':
        return respond(await useCases.listRepairs.execute(caller, ref));
      case 'POST /v1/subjects/{kind}/{id}/repairs/{applicationId}/decision':
        return decisionResponse(await useCases.decideRepair.execute(caller, ref, applicationId, body), logger);
      default:
        return errorResponse(404, '未找到该接口');
    }
  });
