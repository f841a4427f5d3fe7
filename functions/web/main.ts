// Composition root of `web` on AWS Lambda: the pages, behind the HTTP API's page routes (docs/web.md).
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3EvidenceStore } from '../adapters/s3EvidenceStore.ts';
import { SecretsManagerSessionKey } from '../adapters/sessionKey.ts';
import {
  auditLog,
  claimStore,
  comments,
  commitments,
  cycleStore,
  filings,
  finalResults,
  leagueReports,
  notices,
  objections,
  participants,
  practitionerFilings,
  profiles,
  publishedDirectory,
  publishedResults,
  repairApplications,
  repairQueue,
  reviews,
  snapshotReader,
  subjectDirectory,
  subjectListing,
  subjectRecords,
  voluntary,
  warnings,
} from '../composition/aws/dynamo.ts';
import { scheduler } from '../composition/aws/scheduler.ts';
import { signIn } from '../composition/aws/signIn.ts';
import { recordQueue, rescoreQueue } from '../composition/aws/sqs.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { rotatingSigner } from '../composition/rotatingSigner.ts';
import { composeWeb } from '../composition/web.ts';
import { systemClock } from '../shared/clock.ts';
import { requireEnv } from '../shared/env.ts';
import { createLogger } from '../shared/logger.ts';

const sessionKey = new SecretsManagerSessionKey(new SecretsManagerClient({}), requireEnv('webSessionSecretArn'));

export const handler = composeWeb(
  {
    clock: systemClock,
    logger: createLogger,
    // The pages run the API's use cases: every storage port they read or write.
    store: joinPorts(
      subjectRecords(),
      snapshotReader(),
      publishedResults(),
      profiles(),
      repairApplications(),
      auditLog(),
      subjectDirectory(),
      claimStore(),
    ),
    cycleStore: cycleStore(),
    consoleLists: joinPorts(subjectListing(), repairQueue()),
    publishedDirectory: publishedDirectory(),
    commitments: commitments(),
    participants: participants(),
    voluntary: voluntary(),
    practitionerFilings: practitionerFilings(),
    notices: notices(),
    leagueReports: leagueReports(),
    reviews: reviews(),
    comments: comments(),
    finalResults: finalResults(),
    objections: objections(),
    filings: filings(),
    warnings: warnings(),
    scheduler: scheduler(),
    recordQueue: recordQueue(),
    rescoreQueue: rescoreQueue(),
    evidenceStore: new S3EvidenceStore(new S3Client({}), requireEnv('evidenceBucket')),
    // Sign-in at the staff token issuer, as the client whose id is the tokens' audience.
    signIn: signIn(),
  },
  {
    signer: rotatingSigner(() => sessionKey.secret()),
    cookies: { secure: true },
  },
);
