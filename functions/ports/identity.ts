/** Staff identity: the claims of a bearer JWT (docs/authorization.md). */
export interface StaffClaims {
  readonly role: 'region' | 'league' | 'enterprise' | 'agency' | 'reviewGroup';
  readonly league?: string;
  /** For enterprise and agency users: their own USCC. */
  readonly subject?: string;
  readonly sub?: string;
}

/**
 * Why a staff token is refused (each answers 401 with its own message, docs/authorization.md).
 * `malformed`: not a `Bearer` JWT; `bad-signature`: not signed by the issuer's key; `expired`;
 * `not-yet-valid` (`nbf` in the future); `wrong-issuer` / `wrong-audience`; `no-expiry`: no `exp`;
 * `lifetime-too-long`: `exp` further than the allowed lifetime after `iat`; `bad-claims`: no known
 * `role`, or a role without the claim it needs.
 */
export type TokenRefusal =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'no-expiry'
  | 'lifetime-too-long'
  | 'bad-claims';

/** A verified token's payload (signature, issuer, audience and time checked), or why it is refused. */
export type TokenVerification =
  | { readonly ok: true; readonly payload: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: TokenRefusal };

export interface TokenVerifier {
  /**
   * Checks a token's signature, issuer, audience, `exp` and `nbf`. What the claims must say (role,
   * `exp` present, bounded lifetime) is decided by the one policy in `shared/auth.ts`.
   */
  check(token: string): Promise<TokenVerification>;
}

export interface WebhookSecrets {
  /** The `whsec_…` secret of a registered source, or undefined for an unknown source. */
  secretFor(source: string): Promise<string | undefined>;
}
