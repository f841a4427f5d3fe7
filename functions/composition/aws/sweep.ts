import { requireEnv } from '../../shared/env.ts';
import { ConfigurationError } from '../../shared/errors.ts';

/** The records queue's visibility timeout: a claim younger than that may still have its message on the queue. */
export const sweepOlderThanSeconds = (): number => {
  const raw = requireEnv('recordsVisibilitySeconds');
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds <= 0)
    throw new ConfigurationError(`ECOCREDIT_RECORDS_VISIBILITY_SECONDS must be a positive integer, not ${raw}`);
  return seconds;
};
