import type { Logger } from '@aws-lambda-powertools/logger';
import { httpHandler } from '../shared/middleware.ts';
import type { TokenVerifier } from '../ports/identity.ts';
import { identify } from '../shared/auth.ts';
import { badRequest, errorResponse, header, json, jsonBody } from '../shared/http.ts';
import type { RegisterSubject } from './registerSubject.ts';

/** `PUT /v1/subjects/{kind}/{id}` (staff). The optional `x-reason` header is kept in the audit entry. */
export const createRegisterSubjectHandler = (useCase: RegisterSubject, verifier: TokenVerifier, logger: Logger) =>
  httpHandler(logger, async (event) => {
    const caller = await identify(event, verifier);
    const parsed = jsonBody(event);
    if (!parsed.ok) return parsed.response;
    const body = parsed.value;
    const reason = header(event, 'x-reason');
    const outcome = await useCase.execute(caller, event.pathParameters?.kind ?? '', event.pathParameters?.id ?? '', body, reason ? decodeURIComponent(reason) : null);
    switch (outcome.status) {
      case 'created':
      case 'updated':
        return json(outcome.status === 'created' ? 201 : 200, { subject: outcome.profile.subject, registration: outcome.profile.registration, version: outcome.profile.version });
      case 'invalid':
        return badRequest(outcome.issues);
      case 'forbidden':
        return errorResponse(403, '无权登记该主体（不在管辖范围内）');
      case 'unauthorized':
        return errorResponse(401, '需要有效的工作人员令牌');
      case 'conflict':
        return errorResponse(409, '该主体刚被他人修改，请重新读取后再提交');
    }
  });
