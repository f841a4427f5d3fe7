/**
 * Signing people in to the pages with OpenID Connect (authorization code with PKCE) at the same
 * issuer as the API's staff tokens (docs/web.md). The pages keep what a sign-in in progress needs
 * (`PendingSignIn`) in a short-lived signed cookie and map the ID token's claims through the one
 * token policy (`staffClaimsOf`), so the provider decides who a person is and the policy what
 * they may do.
 */

/** What the callback must find again: the values bound to one authorization request. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  /** The PKCE verifier; only its S256 challenge went to the provider. */
  readonly codeVerifier: string;
}

export interface SignInStart {
  /** The provider's authorization endpoint with this request's parameters. */
  readonly url: string;
  readonly pending: PendingSignIn;
}

/**
 * How a callback ended. `denied`: the provider answered with an error (the person cancelled, or is
 * not allowed this client); `rejected`: the code exchange or the ID token failed a check (a code used
 * twice, another verifier, another nonce, a bad signature, a stale token).
 */
export type SignInOutcome =
  | { readonly ok: true; readonly claims: Readonly<Record<string, unknown>>; readonly idToken: string }
  | { readonly ok: false; readonly reason: 'denied' | 'rejected' };

export interface SignIn {
  /** A new authorization request (code flow, PKCE S256, fresh state and nonce) back to `redirectUri`. */
  begin(redirectUri: string): Promise<SignInStart>;
  /**
   * The callback `callbackUrl` (with its `code` and `state`) exchanged for tokens, every check of
   * `pending` applied; the ID token's verified claims. An unreachable provider is thrown
   * (`IdentityProviderError`), never reported as a refusal.
   */
  complete(callbackUrl: URL, pending: PendingSignIn): Promise<SignInOutcome>;
  /** Where to send a person signing out so that the provider ends its session too; null when it has no such endpoint. */
  endSessionUrl(postLogoutRedirectUri: string, idTokenHint?: string): Promise<string | null>;
}
