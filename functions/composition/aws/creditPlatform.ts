import { HttpCreditPlatform, LoggingCreditPlatform } from '../../adapters/httpCreditPlatform.ts';
import { optionalEnv } from '../../shared/env.ts';
import type { createLogger } from '../../shared/logger.ts';

/** Without a configured endpoint the batches are logged, not sent (docs/aws.md). */
export const creditPlatform = (logger: ReturnType<typeof createLogger>): HttpCreditPlatform | LoggingCreditPlatform => {
  const url = optionalEnv('creditPlatformUrl');
  return url ? new HttpCreditPlatform(fetch, url) : new LoggingCreditPlatform((m, e) => logger.warn(m, e));
};
