import { Logger, type LogLevel } from './structuredLogger.ts';

/**
 * One structured logger per function (functions/shared/structuredLogger.ts); quiet in tests unless
 * LOG_LEVEL says otherwise. The middleware (functions/shared/middleware.ts) gives it each invocation's
 * Lambda context, so every line carries `function_request_id` and `cold_start` (docs/observability.md).
 */
export const createLogger = (serviceName: string): Logger =>
  new Logger({
    serviceName,
    logLevel: (process.env.LOG_LEVEL as LogLevel | undefined) ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
  });
