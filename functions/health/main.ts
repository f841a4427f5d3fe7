// Composition root of `health` on AWS Lambda.
import { storeHealth } from '../composition/aws/dynamo.ts';
import { composeHealth } from '../composition/health.ts';

export const handler = composeHealth({
  store: storeHealth(),
});
