import type { Logger } from '@aws-lambda-powertools/logger';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import {
  encodedTextHeader,
  json,
  jsonBody,
  parseRequest,
  refusalResponse,
  respond,
  subjectPath,
  tokenUnauthorized,
} from '../shared/http.ts';
import { httpHandler } from '../shared/middleware.ts';
import { authorize } from '../shared/policy.ts';
import { registerSubjectRequest } from './contracts.ts';
import type { RegisterSubject } from './registerSubject.ts';

const WORDING = { forbidden: '无权登记该主体（不在管辖范围内）' };

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
    const body = jsonBody(event);
    if (!body.ok) return body.response;
    const reason = encodedTextHeader(event, 'x-reason');
    if (!reason.ok) return reason.response;
    const may = authorize(caller, 'subject.register');
    if (!may.ok) return refusalResponse(may.refusal, WORDING);
    const req = parseRequest({
      path: [subjectPath, event.pathParameters ?? {}],
      body: [registerSubjectRequest, body.value],
    });
    if (req.status !== 'ok') return refusalResponse(req);
    const outcome = await useCase.execute(caller, req.value.path, req.value.body, reason.value);
    return respond(
      outcome,
      ({ created, profile }) =>
        json(created ? 201 : 200, {
          subject: profile.subject,
          registration: profile.registration,
          version: profile.version,
        }),
      WORDING,
    );
  });
