import type { SignIn } from '../../ports/signIn.ts';

/**
 * Sign-in and sign-out: the identity provider (OpenID Connect at the staff token issuer), or null
 * where none is configured (the local runtime, whose development sign-in takes `/auth/signin`).
 */
export interface AuthDeps {
  readonly signIn: SignIn | null;
}
