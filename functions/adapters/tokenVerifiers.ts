import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import type { StaffClaims, TokenRefusal, TokenVerification, TokenVerifier } from '../ports/identity.ts';
import { MAX_TOKEN_LIFETIME_SECONDS, staffClaimsOf } from '../shared/auth.ts';
import { IdentityProviderError } from '../shared/errors.ts';

/**
 * Why jose refused a token, in the port's terms. Key-set outages are not the caller's fault: they
 * are thrown (the handler answers 503), never reported as a bad token.
 */
const refusalOf = (err: unknown): TokenRefusal => {
  // A bare JOSEError is only thrown when the key set cannot be fetched or read.
  if (
    err instanceof errors.JWKSTimeout ||
    err instanceof errors.JWKSInvalid ||
    !(err instanceof errors.JOSEError) ||
    err.code === errors.JOSEError.code
  )
    throw new IdentityProviderError('staff token keys unavailable', { cause: err });
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'wrong-issuer';
    if (err.claim === 'aud') return 'wrong-audience';
    if (err.claim === 'nbf') return 'not-yet-valid';
    return 'malformed';
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JOSEAlgNotAllowed
  )
    return 'bad-signature';
  if (err instanceof errors.JWKSMultipleMatchingKeys) return 'bad-signature';
  return 'malformed';
};

const verified = (payload: JWTPayload): TokenVerification => ({
  ok: true,
  payload: payload as Record<string, unknown>,
});

/** Locally: staff tokens signed with a shared HS256 secret (ECOCREDIT_JWT_SECRET). */
export class Hs256TokenVerifier implements TokenVerifier {
  private readonly secret: Uint8Array<ArrayBuffer>;
  private key: Promise<CryptoKey | Uint8Array> | undefined;
  constructor(secret: string) {
    this.secret = new TextEncoder().encode(secret);
  }
  /** The secret imported once as a WebCrypto key: given the bytes, jose imports them again on every check. */
  private verificationKey(): Promise<CryptoKey | Uint8Array> {
    this.key ??= crypto.subtle
      .importKey('raw', this.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
      .catch(() => this.secret);
    return this.key;
  }
  async check(token: string): Promise<TokenVerification> {
    try {
      return verified((await jwtVerify(token, await this.verificationKey(), { algorithms: ['HS256'] })).payload);
    } catch (err) {
      return { ok: false, reason: refusalOf(err) };
    }
  }
  /** The claims of a token that passes every check (for the CLI and tests), or null. */
  async verify(token: string): Promise<StaffClaims | null> {
    const checked = await this.check(token);
    const claims = checked.ok ? staffClaimsOf(checked.payload) : null;
    return claims?.ok ? claims.claims : null;
  }
}

/**
 * Signs a local staff token (for `ecocredit token` and tests). It always carries `iat` and `exp`;
 * a lifetime over MAX_TOKEN_LIFETIME_SECONDS is refused here as it would be on every route.
 */
export const signLocalToken = async (
  secret: string,
  claims: StaffClaims,
  // In seconds by default, so that `exp` is counted from the same second as `iat`: a relative string
  // ('12h') is counted by jose from its own clock reading, which may be a second later and then fail
  // the check below.
  expiresIn: string | number = MAX_TOKEN_LIFETIME_SECONDS,
): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(now)
    .setSubject(claims.sub ?? `local-${claims.role}`)
    .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn);
  const jwt = await token.sign(new TextEncoder().encode(secret));
  const { exp } = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
  if (exp - now > MAX_TOKEN_LIFETIME_SECONDS || exp <= now)
    throw new RangeError(`token lifetime must be between 1 s and ${MAX_TOKEN_LIFETIME_SECONDS} s`);
  return jwt;
};

/**
 * Where an OpenID provider publishes its keys: the `jwks_uri` of its discovery document
 * (`<issuer>/.well-known/openid-configuration`, OpenID Connect Discovery 1.0), so any issuer works —
 * Cognito (whose keys happen to sit at `/.well-known/jwks.json`), Keycloak, Entra ID, Authing, … The
 * document must name the configured issuer (Discovery §4.3). Failures are the issuer's: IdentityProviderError.
 */
export const discoverJwksUri = async (issuer: string, timeoutMs = 5000): Promise<URL> => {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let doc: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    doc = (await res.json()) as typeof doc;
  } catch (cause) {
    throw new IdentityProviderError('issuer discovery document unavailable', { cause });
  }
  if (doc?.issuer !== issuer)
    throw new IdentityProviderError(`discovery document of ${issuer} names issuer ${String(doc?.issuer)}`);
  if (typeof doc.jwks_uri !== 'string' || !URL.canParse(doc.jwks_uri))
    throw new IdentityProviderError(`discovery document of ${issuer} has no jwks_uri`);
  return new URL(doc.jwks_uri);
};

/**
 * On AWS: Cognito user-pool (or any OpenID provider's) tokens, verified against the issuer's key set
 * found by discovery. The discovery document is read once (again after a failure); jose caches the
 * keys and refetches them when a token names an unknown key id.
 */
export class JwksTokenVerifier implements TokenVerifier {
  private jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;
  private readonly keySet: JWTVerifyGetKey = async (header, token) => (await this.remoteKeySet())(header, token);
  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {}
  private remoteKeySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.jwks ??= discoverJwksUri(this.issuer).then(
      (uri) => createRemoteJWKSet(uri),
      (err: unknown) => {
        this.jwks = null;
        throw err;
      },
    );
    return this.jwks;
  }
  async check(token: string): Promise<TokenVerification> {
    try {
      // The key set is looked up only for a well-formed token: a malformed one is refused without it.
      return verified((await jwtVerify(token, this.keySet, { issuer: this.issuer, audience: this.audience })).payload);
    } catch (err) {
      return { ok: false, reason: refusalOf(err) };
    }
  }
}
