import { OpenIdSignIn } from '../../adapters/openIdSignIn.ts';
import { requireEnv } from '../../shared/env.ts';

/** The pages' sign-in at the staff token issuer: the same issuer as the API, its client id the tokens' audience. */
export const signIn = (): OpenIdSignIn => new OpenIdSignIn(new URL(requireEnv('jwtIssuer')), requireEnv('jwtAudience'));
