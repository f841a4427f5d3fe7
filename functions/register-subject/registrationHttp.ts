import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { encodedTextHeader, type HttpResponse, json, jsonBody, parseRequest, subjectPath } from '../shared/http.ts';
import { registerSubjectRequest } from './contracts.ts';
import type { Registered } from './registerSubject.ts';

/** The refusal wording of `PUT /v1/subjects/{kind}/{id}`. */
export const REGISTRATION_WORDING = { forbidden: '无权登记该主体（不在管辖范围内）' };

/** The request's JSON body and its optional `x-reason` header (percent-encoded UTF-8), read before authorising. */
export const readRegistration = (
  event: APIGatewayProxyEventV2,
): { ok: true; body: unknown; reason: string | null } | { ok: false; response: HttpResponse } => {
  const body = jsonBody(event);
  if (!body.ok) return body;
  const reason = encodedTextHeader(event, 'x-reason');
  if (!reason.ok) return reason;
  return { ok: true, body: body.value, reason: reason.value };
};

/** The subject's path and the registration body, checked against the contract. */
export const parseRegistration = (event: APIGatewayProxyEventV2, body: unknown) =>
  parseRequest({
    path: [subjectPath, event.pathParameters ?? {}],
    body: [registerSubjectRequest, body],
  });

/** 201 for a subject registered now, 200 for one updated: its subject, registration and version. */
export const registeredResponse = ({ created, profile }: Registered): HttpResponse =>
  json(created ? 201 : 200, {
    subject: profile.subject,
    registration: profile.registration,
    version: profile.version,
  });
