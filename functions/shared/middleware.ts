import middy from '@middy/core';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type HttpResponse, internalError } from './http.ts';

/**
 * Every function is a middy handler. HTTP handlers share one error middleware: an unexpected failure
 * becomes a 500 that leaks nothing to the caller and is logged for operators. Callable with or
 * without a Lambda context (the local runtime passes none).
 */
export type LambdaHandler<E, R> = (event: E, context?: Context) => Promise<R>;

const asHandler = <E, R>(h: (event: E, context: Context) => Promise<R>): LambdaHandler<E, R> => (event, context) => h(event, context ?? ({} as Context));

export const httpHandler = (logger: Logger, fn: (event: APIGatewayProxyEventV2) => Promise<HttpResponse>): LambdaHandler<APIGatewayProxyEventV2, HttpResponse> =>
  asHandler(
    middy<APIGatewayProxyEventV2, HttpResponse>()
      .use({
        onError: async (request) => {
          request.response = internalError(request.error, (m, e) => logger.error(m, e));
        },
      })
      .handler(fn),
  );

/** Queue consumers and scheduled targets: failures propagate (partial batch failures, retries, DLQs). */
export const eventHandler = <E, R>(fn: (event: E) => Promise<R>): LambdaHandler<E, R> => asHandler(middy<E, R>().handler(fn));
