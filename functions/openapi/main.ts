// Composition root of `openapi` on AWS Lambda (public; reads no environment).
import { createLogger } from '../shared/logger.ts';
import { createOpenApiHandler } from './handler.ts';

export const handler = createOpenApiHandler(createLogger('openapi'));
