import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResponse } from '../../functions/shared/http.ts';

/** A token's expiry an hour from now (claims without one are refused). */
export const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** An HTTP API event as API Gateway hands it over, the JWT authorizer's verified claims included when given. */
export const apiEvent = (
  routeKey: string,
  over: {
    claims?: Record<string, unknown>;
    path?: Record<string, string>;
    query?: Record<string, string>;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 =>
  ({
    routeKey,
    rawPath: '/',
    pathParameters: over.path,
    queryStringParameters: over.query,
    headers: over.headers ?? {},
    body: over.body,
    isBase64Encoded: false,
    requestContext: over.claims ? { authorizer: { jwt: { claims: over.claims } } } : {},
  }) as unknown as APIGatewayProxyEventV2;

/** Calls a handler with the event; its status and JSON body. */
export const callHandler = async (
  handler: (e: APIGatewayProxyEventV2) => Promise<HttpResponse>,
  e: APIGatewayProxyEventV2,
) => {
  const res = await handler(e);
  return {
    status: res.statusCode,
    json: JSON.parse(res.body) as { error: string; reason?: string; issues?: { path: string }[] },
  };
};

/** Use cases that no refused request may reach: any use of them fails the test. */
export const unreachableUseCases = <U extends object>(): U =>
  new Proxy({} as U, {
    get: () => {
      throw new Error('no use case is reached by a refused request');
    },
  });
