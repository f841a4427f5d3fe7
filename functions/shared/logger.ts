import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per function (Powertools); quiet in tests unless LOG_LEVEL says otherwise. */
export const createLogger = (serviceName: string): Logger =>
  new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? (process.env.VITEST ? 'SILENT' : 'INFO') });
