import * as oidc from 'openid-client';
import type { PendingSignIn, SignIn, SignInOutcome, SignInStart } from '../ports/signIn.ts';
import { IdentityProviderError } from '../shared/errors.ts';

/** The scopes asked for: the ID token with the person's role claims and name. */
export const SIGN_IN_SCOPES = 'openid profile';

/** Each call to the provider (discovery, keys, token) gives up after this, well within the function's timeout. */
const REQUEST_TIMEOUT_SECONDS = 5;

/** Codes of openid-client's checks of a callback or token response: the response is refused, the provider is up. */
const REFUSED_RESPONSE_CODES: ReadonlySet<string> = new Set([
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_PARSE_ERROR',
]);

const loopback = (u: URL) => u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

/**
 * OpenID Connect sign-in with `openid-client` as a public client (no secret: authorization code
 * with PKCE S256, state and nonce), the issuer's metadata discovered on first use and kept for the
 * life of the function instance (a failed discovery is tried again on the next sign-in). Only an
 * issuer on this machine (`http://127.0.0.1`, a development provider) may be plain HTTP.
 *
 * Cognito's `/logout` is its `end_session_endpoint` but reads `logout_uri` where the standard says
 * `post_logout_redirect_uri`: both are sent, with the client id.
 */
export class OpenIdSignIn implements SignIn {
  private config: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly issuer: URL,
    private readonly clientId: string,
  ) {}

  private configuration(): Promise<oidc.Configuration> {
    if (this.config === null) {
      const options = {
        timeout: REQUEST_TIMEOUT_SECONDS,
        ...(loopback(this.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      };
      this.config = oidc.discovery(this.issuer, this.clientId, undefined, oidc.None(), options).catch((err) => {
        this.config = null;
        throw new IdentityProviderError(`the sign-in issuer ${this.issuer.href} could not be discovered`, {
          cause: err,
        });
      });
    }
    return this.config;
  }

  async begin(redirectUri: string): Promise<SignInStart> {
    const config = await this.configuration();
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SIGN_IN_SCOPES,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  async complete(callbackUrl: URL, pending: PendingSignIn): Promise<SignInOutcome> {
    const config = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) return { ok: false, reason: 'rejected' };
      return { ok: true, claims: { ...claims }, idToken: tokens.id_token };
    } catch (err) {
      if (err instanceof oidc.AuthorizationResponseError) return { ok: false, reason: 'denied' };
      if (err instanceof oidc.ResponseBodyError) return { ok: false, reason: 'rejected' };
      if (err instanceof oidc.ClientError && err.code !== undefined && REFUSED_RESPONSE_CODES.has(err.code))
        return { ok: false, reason: 'rejected' };
      throw new IdentityProviderError('the sign-in code exchange failed', { cause: err });
    }
  }

  async endSessionUrl(postLogoutRedirectUri: string, idTokenHint?: string): Promise<string | null> {
    const config = await this.configuration();
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      post_logout_redirect_uri: postLogoutRedirectUri,
      logout_uri: postLogoutRedirectUri,
      ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
    }).href;
  }
}
