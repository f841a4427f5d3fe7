import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { refusalResponse, respond, tokenUnauthorized } from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import type { Logger } from '../shared/structuredLogger.ts';
import type { RegisterSubject } from './registerSubject.ts';
import { parseRegistration, REGISTRATION_WORDING, readRegistration, registeredResponse } from './registrationHttp.ts';

/**
 * `PUT /v1/subjects/{kind}/{id}` (staff, docs/api.md §7). The optional `x-reason` header
 * (percent-encoded UTF-8) is kept in the audit entry. Who may register what: docs/authorization.md.
 */
export const createRegisterSubjectHandler = (
  useCase: Pick<RegisterSubject, 'execute'>,
  verifier: TokenVerifier,
  logger: Logger,
) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    if (caller.type === 'invalid') return tokenUnauthorized(caller.reason);
    const input = readRegistration(event);
    if (!input.ok) return input.response;
    const may = authorize(caller, 'subject.register');
    if (!may.ok) return refusalResponse(may.refusal, REGISTRATION_WORDING);
    const req = parseRegistration(event, input.body);
    if (req.status !== 'ok') return refusalResponse(req);
    const outcome = await useCase.execute(caller, req.value.path, req.value.body, input.reason);
    return respond(outcome, registeredResponse, REGISTRATION_WORDING);
  });
