import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { SubjectRef } from '../ports/store.ts';
import { subjectRefOf } from '../repairs/repairOutcome.ts';
import { badRequest, type HttpResponse, jsonBody, subjectPathIssues } from '../shared/http.ts';

/** A repairs request as the use cases take it: the subject of its path, its application id and its JSON body. */
export interface RepairRequest {
  readonly ref: SubjectRef;
  readonly applicationId: string;
  readonly body: unknown;
}

/** The request's subject, application id and body; or the 400 naming what is wrong (a bad path or JSON). */
export const repairRequestOf = (
  event: APIGatewayProxyEventV2,
): { readonly ok: true; readonly value: RepairRequest } | { readonly ok: false; readonly response: HttpResponse } => {
  const parsed = jsonBody(event);
  if (!parsed.ok) return parsed;
  const { kind = '', id = '', applicationId = '' } = event.pathParameters ?? {};
  const pathIssues = subjectPathIssues(kind, id);
  const ref = subjectRefOf(kind, id);
  if (pathIssues.length > 0 || !ref) return { ok: false, response: badRequest(pathIssues) };
  return { ok: true, value: { ref, applicationId, body: parsed.value } };
};
