import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { IdentityProviderError } from './errors.ts';
import { errorResponse, type HttpResponse, internalError } from './http.ts';
import type { Logger } from './structuredLogger.ts';

/**
 * Every function is a middy handler. HTTP handlers share one error middleware: an unexpected failure
 * becomes a 500 that leaks nothing to the caller and is logged for operators (an unreachable token
 * issuer, a 503). Every handler given a logger hands it the Lambda context of each invocation (request
 * id, cold start: docs/observability.md). Callable with or without a Lambda context (the local runtime
 * passes none).
 */
export type LambdaHandler<E, R> = (event: E, context?: Context) => Promise<R>;

/**
 * Gives the logger the invocation's Lambda context (`logger.addContext`): every line then carries
 * `function_request_id`, `cold_start`, `function_name`, … Without a Lambda context (the local
 * runtime, tests) the logger is left as it is.
 */
const lambdaContextFor = <E, R>(logger: Logger): MiddlewareObj<E, R> => ({
  before: (request) => {
    if (request.context?.awsRequestId) logger.addContext(request.context);
  },
});

const asHandler =
  <E, R>(h: (event: E, context: Context) => Promise<R>): LambdaHandler<E, R> =>
  (event, context) =>
    h(event, context ?? ({} as Context));

export const httpHandler = (
  logger: Logger,
  fn: (event: APIGatewayProxyEventV2) => Promise<HttpResponse>,
): LambdaHandler<APIGatewayProxyEventV2, HttpResponse> =>
  asHandler(
    middy<APIGatewayProxyEventV2, HttpResponse>()
      .use(lambdaContextFor(logger))
      .use({
        onError: async (request) => {
          if (request.error instanceof IdentityProviderError) {
            // The token issuer's keys are unreachable: the caller's token may be fine; try again later.
            logger.error('identity provider unavailable', {
              error: { name: request.error.name, cause: String(request.error.cause ?? '') },
            });
            request.response = errorResponse(503, '身份认证服务暂不可用，请稍后重试');
            return;
          }
          request.response = internalError(request.error, (m, e) => logger.error(m, e));
        },
      })
      .handler(fn),
  );

/** Queue consumers and scheduled targets: failures propagate (partial batch failures, retries, DLQs). */
export const eventHandler = <E, R>(
  fn: (event: E, context: Context) => Promise<R>,
  logger?: Logger,
): LambdaHandler<E, R> =>
  asHandler(logger ? middy<E, R>().use(lambdaContextFor<E, R>(logger)).handler(fn) : middy<E, R>().handler(fn));
