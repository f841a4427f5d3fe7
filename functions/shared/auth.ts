import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { StaffClaims, TokenVerifier } from '../ports/identity.ts';
import { header } from './http.ts';

/** Who is calling: the public (no token) or staff with claims; `invalid` for a token that fails. */
export type Caller = { readonly type: 'public' } | { readonly type: 'staff'; readonly claims: StaffClaims } | { readonly type: 'invalid' };

const ROLES = new Set(['region', 'league', 'enterprise', 'agency']);

const asClaims = (raw: Record<string, unknown>): StaffClaims | null => {
  const role = raw.role;
  if (typeof role !== 'string' || !ROLES.has(role)) return null;
  return {
    role: role as StaffClaims['role'],
    ...(typeof raw.league === 'string' ? { league: raw.league } : {}),
    ...(typeof raw.subject === 'string' ? { subject: raw.subject } : {}),
    ...(typeof raw.sub === 'string' ? { sub: raw.sub } : {}),
  };
};

/**
 * Claims from the API's JWT authorizer when it ran (staff routes on AWS); otherwise a bearer token
 * is verified here (the score lookup serves the public and staff on one route, and locally).
 */
export const identify = async (event: APIGatewayProxyEventV2, verifier: TokenVerifier): Promise<Caller> => {
  const authorized = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
  if (authorized) {
    const claims = asClaims(authorized);
    return claims ? { type: 'staff', claims } : { type: 'invalid' };
  }
  const auth = header(event, 'authorization');
  if (!auth) return { type: 'public' };
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m) return { type: 'invalid' };
  const verified = await verifier.verify(m[1]!);
  if (!verified) return { type: 'invalid' };
  const claims = asClaims(verified as unknown as Record<string, unknown>);
  return claims ? { type: 'staff', claims } : { type: 'invalid' };
};

/**
 * Jurisdiction (issue 4 §3): the region sees all; a league bureau its league; an enterprise or
 * agency user only itself (its `subject` claim).
 */
export const mayActOn = (claims: StaffClaims, subject: { kind: string; id: string; league: string | null }): boolean => {
  switch (claims.role) {
    case 'region':
      return true;
    case 'league':
      return claims.league !== undefined && subject.league === claims.league;
    case 'enterprise':
    case 'agency':
      return claims.role === subject.kind && claims.subject === subject.id;
  }
};

export const actorOf = (claims: StaffClaims): string =>
  `staff:${claims.role}:${claims.role === 'league' ? claims.league : claims.role === 'region' ? '150000' : claims.subject}${claims.sub ? `:${claims.sub}` : ''}`;
