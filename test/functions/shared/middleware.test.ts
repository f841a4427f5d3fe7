import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { IdentityProviderError } from '../../../functions/shared/errors.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import { eventHandler, httpHandler } from '../../../functions/shared/middleware.ts';
import { Logger } from '../../../functions/shared/structuredLogger.ts';

const event = { headers: {}, requestContext: {} } as unknown as APIGatewayProxyEventV2;

describe('the HTTP error middleware', () => {
  it('turns an unexpected failure into a 500 that leaks nothing', async () => {
    const h = httpHandler(createLogger('test'), async () => {
      throw new Error('table ecocredit-secret-name is gone');
    });
    const r = await h(event);
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('ecocredit-secret-name');
  });

  it('an unreachable token issuer is a 503 (try again), not a refusal of the token', async () => {
    const h = httpHandler(createLogger('test'), async () => {
      throw new IdentityProviderError('staff token keys unavailable', {
        cause: new Error('https://issuer.internal timed out'),
      });
    });
    const r = await h(event);
    expect(r.statusCode).toBe(503);
    expect(JSON.parse(r.body).error).toMatch(/身份认证服务暂不可用/);
    expect(r.body).not.toContain('issuer.internal');
  });
});

/** The JSON log lines a function prints while `fn` runs. */
const logLines = async (fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l.startsWith('{')),
    );
    return true;
  };
  // Powertools Logger prints warnings and errors on stderr, the rest on stdout.
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
};

const lambdaContext = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'ecocredit-cycles-api',
    functionVersion: '$LATEST',
    memoryLimitInMB: '512',
    invokedFunctionArn: 'arn:aws:lambda:cn-north-1:111122223333:function:ecocredit-cycles-api',
  }) as unknown as Context;

describe('the logger gets the Lambda context of each invocation', () => {
  it('HTTP handlers: every line carries the request id and whether the invocation was a cold start', async () => {
    const logger = new Logger({ serviceName: 'cycles-api', logLevel: 'INFO' });
    const h = httpHandler(logger, async () => {
      logger.info('handled');
      return { statusCode: 200, headers: {}, body: '{}' };
    });
    const lines = await logLines(async () => {
      await h(event, lambdaContext('req-1'));
      await h(event, lambdaContext('req-2'));
    });
    expect(lines.map((l) => [l.message, l.function_request_id])).toEqual([
      ['handled', 'req-1'],
      ['handled', 'req-2'],
    ]);
    // Cold start is one per execution environment (process): whichever invocation came first here had it.
    expect(typeof lines[0]!.cold_start).toBe('boolean');
    expect(lines[1]!.cold_start).toBe(false);
    expect(lines[0]).toMatchObject({
      service: 'cycles-api',
      function_name: 'ecocredit-cycles-api',
      function_memory_size: '512',
      level: 'INFO',
    });
  });

  it('event handlers given a logger too; an error logged by the handler carries the request id', async () => {
    const logger = new Logger({ serviceName: 'deadline', logLevel: 'INFO' });
    const h = eventHandler(async () => {
      logger.error('deadline failed');
      throw new Error('boom');
    }, logger);
    const lines = await logLines(() => h({}, lambdaContext('req-9')).catch(() => undefined));
    expect(lines).toMatchObject([{ message: 'deadline failed', function_request_id: 'req-9', level: 'ERROR' }]);
  });

  it('the local runtime calls without a context: the handler still runs', async () => {
    const logger = new Logger({ serviceName: 'health', logLevel: 'INFO' });
    const h = eventHandler(async () => {
      logger.info('alive');
      return 'ok';
    }, logger);
    let out: unknown;
    const lines = await logLines(async () => {
      out = await h({});
    });
    expect(out).toBe('ok');
    expect(lines).toMatchObject([{ message: 'alive' }]);
    expect(lines[0]!.function_request_id).toBeUndefined();
  });
});
