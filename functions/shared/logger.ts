import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger per function (Powertools); quiet in tests unless LOG_LEVEL says otherwise.
 * The middleware (functions/shared/middleware.ts) gives it each invocation's Lambda context, so every
 * line carries `function_request_id` and `cold_start` (docs/observability.md).
 */
export const createLogger = (serviceName: string): Logger =>
  new Logger({
    serviceName,
    logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
  });
