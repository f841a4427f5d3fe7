// Composition root of `score-lookup` on AWS Lambda.
import { publishedResults, snapshotReader, subjectRecords } from '../composition/aws/dynamo.ts';
import { tokenVerifier } from '../composition/aws/tokenVerifier.ts';
import { joinPorts } from '../composition/joinPorts.ts';
import { composeScoreLookup } from '../composition/scoreLookup.ts';
import { systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';

export const handler = composeScoreLookup({
  store: joinPorts(snapshotReader(), publishedResults(), subjectRecords()),
  tokenVerifier: tokenVerifier(),
  clock: systemClock,
  logger: createLogger,
});
