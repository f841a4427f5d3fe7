import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { Logger, type LogSink } from '../../../functions/shared/structuredLogger.ts';

const capture = () => {
  const lines: { stream: 'out' | 'err'; line: Record<string, unknown> }[] = [];
  const sink: LogSink = {
    out: (l) => void lines.push({ stream: 'out', line: JSON.parse(l) }),
    err: (l) => void lines.push({ stream: 'err', line: JSON.parse(l) }),
  };
  return { lines, sink };
};
const at = () => new Date('2026-05-20T02:00:00.000Z');
const context = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'ecocredit-cycles-api',
    memoryLimitInMB: '512',
    invokedFunctionArn: 'arn:aws:lambda:cn-north-1:111122223333:function:ecocredit-cycles-api',
  }) as unknown as Context;

describe('the structured logger (docs/observability.md)', () => {
  it('writes one JSON object per line with the documented fields, then the line’s own', () => {
    const { lines, sink } = capture();
    new Logger({ serviceName: 'deadline' }, sink, at).info('deadline', { fired: 2 });
    expect(lines).toEqual([
      {
        stream: 'out',
        line: {
          level: 'INFO',
          message: 'deadline',
          timestamp: '2026-05-20T02:00:00.000Z',
          service: 'deadline',
          sampling_rate: 0,
          fired: 2,
        },
      },
    ]);
  });

  it('warnings and errors go to stderr, the rest to stdout; below the level nothing is written', () => {
    const { lines, sink } = capture();
    const logger = new Logger({ serviceName: 's', logLevel: 'INFO' }, sink, at);
    logger.debug('hidden');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => [l.stream, l.line.level, l.line.message])).toEqual([
      ['out', 'INFO', 'i'],
      ['err', 'WARN', 'w'],
      ['err', 'ERROR', 'e'],
    ]);
    const silent = capture();
    new Logger({ serviceName: 's', logLevel: 'SILENT' }, silent.sink, at).error('never');
    expect(silent.lines).toEqual([]);
  });

  it('every line after the Lambda context carries the invocation; only the first is a cold start', () => {
    const { lines, sink } = capture();
    const logger = new Logger({ serviceName: 'cycles-api' }, sink, at);
    logger.addContext(context('req-1'));
    logger.info('one');
    logger.addContext(context('req-2'));
    logger.info('two');
    expect(lines[0]!.line).toMatchObject({
      function_request_id: 'req-1',
      function_name: 'ecocredit-cycles-api',
      function_memory_size: '512',
      function_arn: 'arn:aws:lambda:cn-north-1:111122223333:function:ecocredit-cycles-api',
    });
    expect(typeof lines[0]!.line.cold_start).toBe('boolean');
    expect(lines[1]!.line).toMatchObject({ function_request_id: 'req-2', cold_start: false });
  });

  it('an Error among the fields keeps its name, message and cause', () => {
    const { lines, sink } = capture();
    new Logger({ serviceName: 's' }, sink, at).error('failed', {
      error: new TypeError('boom', { cause: 'disk' }),
    });
    expect(lines[0]!.line.error).toEqual({ name: 'TypeError', message: 'boom', cause: 'disk' });
  });
});
