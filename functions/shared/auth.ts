import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { StaffClaims, TokenRefusal, TokenVerifier } from '../ports/identity.ts';
import { header } from './http.ts';

/**
 * Who is calling: the public (no token), staff with claims, or `invalid` with why the token was
 * refused (each reason has its own 401 message: UNAUTHORIZED_MESSAGES in http.ts).
 */
export type Caller =
  | { readonly type: 'public' }
  | { readonly type: 'staff'; readonly claims: StaffClaims }
  | { readonly type: 'invalid'; readonly reason: TokenRefusal };

/**
 * A staff token lives at most 12 hours (one working day and its overtime): a token without `exp`
 * would never expire, and a leaked long-lived one would outlast the staff member's role.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

// reviewGroup: the region's review group (信用评价复核小组, Art 8), staff of the region without its other acts.
const ROLES = new Set(['region', 'league', 'enterprise', 'agency', 'reviewGroup']);

/** A NumericDate claim as a number (API Gateway's authorizer passes claims as strings). */
const numericDate = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * The one token policy, for tokens verified here and for claims the API's authorizer verified:
 * `exp` present and within MAX_TOKEN_LIFETIME_SECONDS of both `iat` and now; a known
 * role with the claim it needs (a league bureau its `league`, an enterprise or agency its `subject`).
 * Cognito names custom attributes `custom:role`, `custom:league`, `custom:subject`.
 */
export const staffClaimsOf = (
  payload: Readonly<Record<string, unknown>>,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): { readonly ok: true; readonly claims: StaffClaims } | { readonly ok: false; readonly reason: TokenRefusal } => {
  const exp = numericDate(payload.exp);
  if (exp === null) return { ok: false, reason: 'no-expiry' };
  if (exp <= nowSeconds) return { ok: false, reason: 'expired' };
  const iat = numericDate(payload.iat);
  // Measured from now as well as from iat: a token "issued" in the future would otherwise carry a
  // short iat-to-exp span and still live for as long as its issuer liked.
  if (exp - Math.min(iat ?? nowSeconds, nowSeconds) > MAX_TOKEN_LIFETIME_SECONDS)
    return { ok: false, reason: 'lifetime-too-long' };
  const role = text(payload.role) ?? text(payload['custom:role']);
  const league = text(payload.league) ?? text(payload['custom:league']);
  const subject = text(payload.subject) ?? text(payload['custom:subject']);
  if (role === undefined || !ROLES.has(role)) return { ok: false, reason: 'bad-claims' };
  if (role === 'league' && league === undefined) return { ok: false, reason: 'bad-claims' };
  if ((role === 'enterprise' || role === 'agency') && subject === undefined) return { ok: false, reason: 'bad-claims' };
  return {
    ok: true,
    claims: {
      role: role as StaffClaims['role'],
      ...(league !== undefined ? { league } : {}),
      ...(subject !== undefined ? { subject } : {}),
      ...(text(payload.sub) !== undefined ? { sub: text(payload.sub)! } : {}),
    },
  };
};

/**
 * Claims from the API's JWT authorizer when it ran (staff routes on AWS); otherwise a bearer token
 * is verified here (the score lookup serves the public and staff on one route, and locally).
 */
export const identify = async (event: APIGatewayProxyEventV2, verifier: TokenVerifier): Promise<Caller> => {
  const authorized = (
    event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } | undefined
  )?.authorizer?.jwt?.claims;
  if (authorized) {
    const claims = staffClaimsOf(authorized);
    return claims.ok ? { type: 'staff', claims: claims.claims } : { type: 'invalid', reason: claims.reason };
  }
  const auth = header(event, 'authorization');
  if (auth === undefined || auth.trim() === '') return { type: 'public' };
  const m = /^Bearer[ \t]+([A-Za-z0-9_.~+/=-]+)[ \t]*$/i.exec(auth);
  if (!m) return { type: 'invalid', reason: 'malformed' };
  const verified = await verifier.check(m[1]!);
  if (!verified.ok) return { type: 'invalid', reason: verified.reason };
  const claims = staffClaimsOf(verified.payload);
  return claims.ok ? { type: 'staff', claims: claims.claims } : { type: 'invalid', reason: claims.reason };
};

/**
 * Jurisdiction: the region sees all; a league bureau its league; an enterprise or agency user only
 * itself (its `subject` claim). A subject whose league is unknown (`null`: nothing stored about it)
 * is in no league's jurisdiction, so a league bureau cannot tell it from another league's subject.
 */
export const mayActOn = (
  claims: StaffClaims,
  subject: { kind: string; id: string; league: string | null },
): boolean => {
  switch (claims.role) {
    case 'region':
      return true;
    // Art 8: the review group reviews results; it registers, repairs and decides nothing of a subject's own.
    case 'reviewGroup':
      return false;
    case 'league':
      return claims.league !== undefined && subject.league === claims.league;
    case 'enterprise':
    case 'agency':
      return claims.role === subject.kind && claims.subject === subject.id;
  }
};

export const actorOf = (claims: StaffClaims): string =>
  `staff:${claims.role}:${claims.role === 'league' ? claims.league : claims.role === 'region' || claims.role === 'reviewGroup' ? '150000' : claims.subject}${claims.sub ? `:${claims.sub}` : ''}`;
