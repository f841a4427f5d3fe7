// Composition root of `webExports` on AWS Lambda: the Excel downloads, behind `GET /exports/{proxy+}` (docs/web.md).
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerSessionKey } from '../adapters/sessionKey.ts';
import {
  claimStore,
  comments,
  cycleStore,
  finalResults,
  leagueReports,
  notices,
  objections,
  participants,
  profiles,
  publishedDirectory,
  repairQueue,
  reviews,
  subjectListing,
  warnings,
} from '../composition/aws/dynamo.ts';
import { recordQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { systemClock } from '../shared/clock.ts';
import { requireEnv } from '../shared/env.ts';
import { createLogger } from '../shared/logger.ts';
import { createWebExportsHandler } from './handler.ts';

const sessionKey = new SecretsManagerSessionKey(new SecretsManagerClient({}), requireEnv('webSessionSecretArn'));

export const handler = createWebExportsHandler(
  {
    clock: systemClock,
    logger: createLogger,
    // Reads: the published lists, the console's lists, the cycles and the records set aside; writes: the
    // lists of participants a bureau imports, and the profiles of the listed units nobody registered.
    store: joinPorts(claimStore(), profiles()),
    cycleStore: cycleStore(),
    consoleLists: joinPorts(subjectListing(), repairQueue()),
    publishedDirectory: publishedDirectory(),
    participants: participants(),
    objections: objections(),
    notices: notices(),
    leagueReports: leagueReports(),
    reviews: reviews(),
    finalResults: finalResults(),
    comments: comments(),
    warnings: warnings(),
    recordQueue: recordQueue(),
  },
  () => sessionKey.secret(),
);
