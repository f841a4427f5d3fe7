import { JwksTokenVerifier } from '../../adapters/tokenVerifiers.ts';
import { requireEnv } from '../../shared/env.ts';

/** Staff tokens of the Cognito user pool or the external issuer, verified against its keys. */
export const tokenVerifier = (): JwksTokenVerifier =>
  new JwksTokenVerifier(requireEnv('jwtIssuer'), requireEnv('jwtAudience'));
