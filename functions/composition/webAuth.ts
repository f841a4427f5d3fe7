import type { SignIn } from '../ports/signIn.ts';
import type { AuthDeps } from '../web/auth/deps.ts';

/**
 * What the sign-in pages use: the identity provider, where the platform has one (on AWS, OpenID
 * Connect at the staff token issuer: `./aws/signIn.ts`). The local runtime has none; its development
 * sign-in answers `/auth/signin` instead (docs/web.md).
 */
export interface WebAuthEdges {
  readonly signIn?: SignIn;
}

export const webAuthDeps = (e: WebAuthEdges): AuthDeps => ({ signIn: e.signIn ?? null });
