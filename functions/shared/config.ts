import { ENV } from '../../infra/definitions.ts';
import { ConfigurationError } from './errors.ts';

/** A required environment variable of a composition root; a missing one stops the cold start clearly. */
export const requireEnv = (name: (typeof ENV)[keyof typeof ENV]): string => {
  const v = process.env[name];
  if (!v) throw new ConfigurationError(`missing environment variable ${name}`);
  return v;
};

export { ENV };
