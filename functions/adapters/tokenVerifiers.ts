import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { StaffClaims, TokenVerifier } from '../ports/identity.ts';

const toClaims = (payload: JWTPayload): StaffClaims | null => {
  const role = payload.role;
  if (role !== 'region' && role !== 'league' && role !== 'enterprise' && role !== 'agency') return null;
  return {
    role,
    ...(typeof payload.league === 'string' ? { league: payload.league } : {}),
    ...(typeof payload.subject === 'string' ? { subject: payload.subject } : {}),
    ...(typeof payload.sub === 'string' ? { sub: payload.sub } : {}),
  };
};

/** Locally: staff tokens signed with a shared HS256 secret (ECOCREDIT_JWT_SECRET). */
export class Hs256TokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }
  async verify(token: string): Promise<StaffClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      return toClaims(payload);
    } catch {
      return null;
    }
  }
}

/** Signs a local staff token (for `ecocredit token` and tests). */
export const signLocalToken = async (secret: string, claims: StaffClaims, expiresIn = '12h'): Promise<string> =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setSubject(claims.sub ?? `local-${claims.role}`)
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

/** On AWS: Cognito user-pool tokens, verified against the pool's JWKS (custom claims role/league/subject). */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  constructor(
    private readonly issuer: string,
    private readonly audience: string,
  ) {
    this.jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  }
  async verify(token: string): Promise<StaffClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, audience: this.audience });
      // Cognito puts custom attributes under `custom:`.
      return toClaims({ ...payload, role: payload.role ?? payload['custom:role'], league: payload.league ?? payload['custom:league'], subject: payload.subject ?? payload['custom:subject'] });
    } catch {
      return null;
    }
  }
}
