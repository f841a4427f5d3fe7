// Composition root of `score-lookup` on AWS Lambda.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCreditStore } from '../adapters/dynamoStore.ts';
import { JwksTokenVerifier } from '../adapters/tokenVerifiers.ts';
import { systemClock } from '../shared/clock.ts';
import { ENV, requireEnv } from '../shared/config.ts';
import { createLogger } from '../shared/logger.ts';
import { createScoreLookupHandler } from './handler.ts';
import { LookupScore } from './lookupScore.ts';

const store = new DynamoCreditStore(new DynamoDBClient({}), requireEnv(ENV.table));
const verifier = new JwksTokenVerifier(requireEnv(ENV.jwtIssuer), requireEnv(ENV.jwtAudience));
export const handler = createScoreLookupHandler(new LookupScore(store, systemClock), verifier, createLogger('score-lookup'));
