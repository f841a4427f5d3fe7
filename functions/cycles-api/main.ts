// Composition root of `cycles-api` on AWS Lambda (behind the API's JWT authorizer).
import { JwksTokenVerifier } from '../adapters/tokenVerifiers.ts';
import { cycleService } from '../shared/cycleComposition.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { createCyclesApiHandler } from './handler.ts';

export const handler = createCyclesApiHandler(cycleService, new JwksTokenVerifier(requireEnv(ENV.jwtIssuer), requireEnv(ENV.jwtAudience)), createLogger('cycles-api'));
