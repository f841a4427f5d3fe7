import type { Context } from 'aws-lambda';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

const RANK: Record<LogLevel, number> = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 };

/** Where the lines go: warnings and errors to stderr, the rest to stdout (both reach CloudWatch Logs). */
export interface LogSink {
  out(line: string): void;
  err(line: string): void;
}

const PROCESS_SINK: LogSink = {
  out: (line) => void process.stdout.write(line),
  err: (line) => void process.stderr.write(line),
};

/** One execution environment (process) has one cold start: the first invocation that hands its context. */
let coldStartTaken = false;

/**
 * One structured logger per function: one JSON object per line with the fields of
 * docs/observability.md (`level`, `message`, `timestamp`, `service`, `sampling_rate`, and once an
 * invocation's Lambda context is added, `cold_start`, `function_name`, `function_arn`,
 * `function_memory_size`, `function_request_id`; `xray_trace_id` when Lambda sets it), then the
 * line's own fields. The same lines Powertools Logger writes, at a fraction of its bundle size.
 */
export class Logger {
  private readonly threshold: number;
  private context: Record<string, unknown> = {};

  constructor(
    private readonly options: { readonly serviceName: string; readonly logLevel?: LogLevel },
    private readonly sink: LogSink = PROCESS_SINK,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.threshold = RANK[options.logLevel ?? 'INFO'] ?? RANK.INFO;
  }

  /** The invocation's Lambda context: every later line carries it (the first one is the cold start). */
  addContext(context: Context): void {
    const coldStart = !coldStartTaken;
    coldStartTaken = true;
    this.context = {
      cold_start: coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
  }

  debug(message: string, extra?: Record<string, unknown>): void {
    this.write('DEBUG', message, extra);
  }

  info(message: string, extra?: Record<string, unknown>): void {
    this.write('INFO', message, extra);
  }

  warn(message: string, extra?: Record<string, unknown>): void {
    this.write('WARN', message, extra);
  }

  error(message: string, extra?: Record<string, unknown>): void {
    this.write('ERROR', message, extra);
  }

  private write(level: Exclude<LogLevel, 'SILENT'>, message: string, extra?: Record<string, unknown>): void {
    if (RANK[level] < this.threshold) return;
    const trace = process.env._X_AMZN_TRACE_ID?.split(';')[0]?.replace('Root=', '');
    const line = JSON.stringify({
      level,
      message,
      timestamp: this.now().toISOString(),
      service: this.options.serviceName,
      sampling_rate: 0,
      ...(trace ? { xray_trace_id: trace } : {}),
      ...this.context,
      ...(extra ? withErrors(extra) : {}),
    });
    if (level === 'WARN' || level === 'ERROR') this.sink.err(`${line}\n`);
    else this.sink.out(`${line}\n`);
  }
}

/** An Error among a line's fields written with its name, message and cause (JSON drops them otherwise). */
const withErrors = (extra: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra))
    out[k] =
      v instanceof Error ? { name: v.name, message: v.message, ...(v.cause ? { cause: String(v.cause) } : {}) } : v;
  return out;
};
