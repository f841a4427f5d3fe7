import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffClaims } from '../../ports/identity.ts';
import { MAX_TOKEN_LIFETIME_SECONDS, staffClaimsOf } from '../../shared/auth.ts';

/**
 * A signed-in person: the same claims as a staff token (role, league or subject), checked by the same
 * policy (`staffClaimsOf`), with the name shown in the header. Kept in an HttpOnly cookie, signed with
 * HMAC-SHA256; it lives at most as long as a staff token (12 hours), so a session never outlasts the
 * role it was given.
 */
export interface WebSession {
  readonly claims: StaffClaims;
  /** Shown in the page header (the identity provider's name, or the role's name for a development sign-in). */
  readonly displayName: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** How the person signed in: the identity provider, or the local development sign-in. */
  readonly via: 'oidc' | 'dev';
  /** The provider's id token, kept for its sign-out (RP-initiated logout); absent for a development sign-in. */
  readonly idTokenHint?: string;
}

export const SESSION_COOKIE = 'ecocredit_session';
export const SESSION_LIFETIME_SECONDS = MAX_TOKEN_LIFETIME_SECONDS;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export interface CookieOptions {
  /** `Secure` on every deployed site (HTTPS); the local runtime serves plain HTTP on 127.0.0.1. */
  readonly secure: boolean;
}

/** `Set-Cookie` text: HttpOnly, SameSite=Lax (a link from another site still arrives signed in; its POSTs do not), Path=/. */
export const cookieHeader = (name: string, value: string, maxAgeSeconds: number, o: CookieOptions): string =>
  `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${o.secure ? '; Secure' : ''}`;

export const clearedCookie = (name: string, o: CookieOptions): string => cookieHeader(name, '', 0, o);

/** Signs and opens values kept in cookies (sessions, the sign-in's state) with one secret key. */
export class CookieSigner {
  private readonly key: Buffer;
  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the session secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  mac(purpose: string, text: string): string {
    return createHmac('sha256', this.key).update(`${purpose}\n${text}`).digest('base64url');
  }

  seal(purpose: string, value: unknown): string {
    const body = b64(JSON.stringify(value));
    return `${body}.${this.mac(purpose, body)}`;
  }

  open(purpose: string, sealed: string | undefined): unknown {
    if (!sealed) return null;
    const dot = sealed.indexOf('.');
    if (dot <= 0) return null;
    const body = sealed.slice(0, dot);
    const given = Buffer.from(sealed.slice(dot + 1));
    const wanted = Buffer.from(this.mac(purpose, body));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
  }
}

export const newNonce = (): string => randomBytes(18).toString('base64url');

/** A session for these claims from now, for at most the token lifetime. */
export const startSession = (
  claims: StaffClaims,
  displayName: string,
  via: WebSession['via'],
  nowSeconds: number,
  extra: { expiresAt?: number; idTokenHint?: string } = {},
): WebSession => ({
  claims,
  displayName,
  issuedAt: nowSeconds,
  expiresAt: Math.min(extra.expiresAt ?? Number.POSITIVE_INFINITY, nowSeconds + SESSION_LIFETIME_SECONDS),
  via,
  ...(extra.idTokenHint ? { idTokenHint: extra.idTokenHint } : {}),
});

/** The session in the cookie, when its signature holds, it has not expired and its claims still pass the policy. */
export const openSession = (
  signer: CookieSigner,
  cookie: string | undefined,
  nowSeconds: number,
): WebSession | null => {
  const s = signer.open('session', cookie) as Partial<Record<keyof WebSession, unknown>> | null;
  if (!s || typeof s !== 'object' || typeof s.claims !== 'object' || s.claims === null) return null;
  if (typeof s.expiresAt !== 'number' || typeof s.issuedAt !== 'number' || typeof s.displayName !== 'string')
    return null;
  if (s.via !== 'oidc' && s.via !== 'dev') return null;
  if (s.idTokenHint !== undefined && typeof s.idTokenHint !== 'string') return null;
  // The same policy as a staff token: a known role with its league or subject, and at most 12 hours
  // from when it was issued (and from now) to when it ends.
  const checked = staffClaimsOf({ ...s.claims, exp: s.expiresAt, iat: s.issuedAt }, nowSeconds);
  if (!checked.ok) return null;
  return {
    claims: checked.claims,
    displayName: s.displayName,
    issuedAt: s.issuedAt,
    expiresAt: s.expiresAt,
    via: s.via,
    ...(s.idTokenHint !== undefined ? { idTokenHint: s.idTokenHint } : {}),
  };
};
