// Composition root of `repairs-api` on AWS Lambda (behind the API's JWT authorizer).
import { JwksTokenVerifier } from '../adapters/tokenVerifiers.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { repairService } from '../shared/cycleComposition.ts';
import { createLogger } from '../shared/logger.ts';
import { createRepairsApiHandler } from './handler.ts';

export const handler = createRepairsApiHandler(repairService, new JwksTokenVerifier(requireEnv(ENV.jwtIssuer), requireEnv(ENV.jwtAudience)), createLogger('repairs-api'));
