// Composition root of `push-worker` on AWS Lambda.
import { HttpCreditPlatform, LoggingCreditPlatform } from '../adapters/httpCreditPlatform.ts';
import { ENV } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { createPushWorkerHandler } from './handler.ts';

const logger = createLogger('push-worker');
const url = process.env[ENV.creditPlatformUrl];
export const handler = createPushWorkerHandler(url ? new HttpCreditPlatform(fetch, url) : new LoggingCreditPlatform((m, e) => logger.warn(m, e)), logger);
