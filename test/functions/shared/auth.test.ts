import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Hs256TokenVerifier, signLocalToken } from '../../../functions/adapters/tokenVerifiers.ts';
import {
  actorOf,
  identify,
  MAX_TOKEN_LIFETIME_SECONDS,
  mayActOn,
  staffClaimsOf,
} from '../../../functions/shared/auth.ts';

const SECRET = 's3cret-s3cret-s3cret-s3cret-s3cret';
const verifier = new Hs256TokenVerifier(SECRET);
const event = (headers: Record<string, string>, claims?: Record<string, unknown>) =>
  ({ headers, requestContext: claims ? { authorizer: { jwt: { claims } } } : {} }) as unknown as APIGatewayProxyEventV2;
const now = () => Math.floor(Date.now() / 1000);

/** A token with exactly the claims given (no defaults), signed with `secret`. */
const rawToken = (payload: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
const bearer = async (payload: Record<string, unknown>, secret = SECRET) =>
  event({ authorization: `Bearer ${await rawToken(payload, secret)}` });

describe('who is calling', () => {
  it('no token is the public', async () => {
    expect(await identify(event({}), verifier)).toEqual({ type: 'public' });
  });

  it('a valid bearer token is staff with its claims; a forged or malformed one is invalid, saying why', async () => {
    const token = await signLocalToken(SECRET, { role: 'league', league: '150100' });
    expect(await identify(event({ authorization: `Bearer ${token}` }), verifier)).toMatchObject({
      type: 'staff',
      claims: { role: 'league', league: '150100' },
    });
    const forged = await signLocalToken('another-secret-another-secret-xx', { role: 'region' });
    expect(await identify(event({ Authorization: `Bearer ${forged}` }), verifier)).toEqual({
      type: 'invalid',
      reason: 'bad-signature',
    });
    expect(await identify(event({ authorization: 'Basic abc' }), verifier)).toEqual({
      type: 'invalid',
      reason: 'malformed',
    });
    expect(await identify(event({ authorization: 'Bearer not-a-token' }), verifier)).toEqual({
      type: 'invalid',
      reason: 'malformed',
    });
    expect(await identify(event({ authorization: 'Bearer 令牌' }), verifier)).toEqual({
      type: 'invalid',
      reason: 'malformed',
    });
  });

  it('takes the claims of the API’s JWT authorizer when it ran (claims arrive as strings)', async () => {
    const times = { iat: String(now()), exp: String(now() + 3600) };
    expect(await identify(event({}, { role: 'region', league: '150000', ...times }), verifier)).toMatchObject({
      type: 'staff',
      claims: { role: 'region' },
    });
    expect(
      await identify(event({}, { 'custom:role': 'league', 'custom:league': '150200', ...times }), verifier),
    ).toMatchObject({ type: 'staff', claims: { role: 'league', league: '150200' } });
    expect(await identify(event({}, { role: 'admin', ...times }), verifier)).toEqual({
      type: 'invalid',
      reason: 'bad-claims',
    });
  });
});

describe('staff tokens must expire, within 12 hours', () => {
  it('refuses a token without exp (it would never expire), also from the authorizer', async () => {
    expect(await identify(await bearer({ role: 'region', league: '150000', iat: now() }), verifier)).toEqual({
      type: 'invalid',
      reason: 'no-expiry',
    });
    expect(await identify(event({}, { role: 'region', league: '150000' }), verifier)).toEqual({
      type: 'invalid',
      reason: 'no-expiry',
    });
  });

  it('refuses a lifetime over 12 hours, and takes one of exactly 12 hours', async () => {
    const iat = now();
    expect(
      await identify(await bearer({ role: 'region', iat, exp: iat + MAX_TOKEN_LIFETIME_SECONDS + 1 }), verifier),
    ).toEqual({ type: 'invalid', reason: 'lifetime-too-long' });
    expect(await identify(await bearer({ role: 'region', exp: now() + 13 * 3600 }), verifier)).toEqual({
      type: 'invalid',
      reason: 'lifetime-too-long',
    });
    expect(
      await identify(await bearer({ role: 'region', iat, exp: iat + MAX_TOKEN_LIFETIME_SECONDS }), verifier),
    ).toMatchObject({ type: 'staff' });
    expect(MAX_TOKEN_LIFETIME_SECONDS).toBe(12 * 3600);
  });

  it('refuses a token issued in the future, whose short iat-to-exp span would hide a long life', () => {
    const t = 1_800_000_000;
    const yearAhead = t + 365 * 86400;
    expect(staffClaimsOf({ role: 'region', iat: yearAhead, exp: yearAhead + 3600 }, t)).toEqual({
      ok: false,
      reason: 'lifetime-too-long',
    });
    expect(staffClaimsOf({ role: 'region', iat: t + 30, exp: t + 3600 }, t)).toMatchObject({ ok: true });
  });

  it('refuses an expired token, saying so', async () => {
    expect(await identify(await bearer({ role: 'region', iat: now() - 7200, exp: now() - 3600 }), verifier)).toEqual({
      type: 'invalid',
      reason: 'expired',
    });
    expect(staffClaimsOf({ role: 'region', iat: 100, exp: 200 }, 300)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a role without the claim it needs', () => {
    const t = { iat: 1000, exp: 2000 };
    expect(staffClaimsOf({ role: 'league', ...t }, 1500)).toEqual({ ok: false, reason: 'bad-claims' });
    expect(staffClaimsOf({ role: 'enterprise', ...t }, 1500)).toEqual({ ok: false, reason: 'bad-claims' });
    expect(staffClaimsOf({ role: 'enterprise', subject: '91150100MA0N000000', ...t }, 1500)).toEqual({
      ok: true,
      claims: { role: 'enterprise', subject: '91150100MA0N000000' },
    });
  });
});

describe('jurisdiction', () => {
  const subject = { kind: 'enterprise', id: '91150600MA0Q67890N', league: '150600' };
  it('the region sees all; a league its league; an enterprise only itself', () => {
    expect(mayActOn({ role: 'region' }, subject)).toBe(true);
    expect(mayActOn({ role: 'league', league: '150600' }, subject)).toBe(true);
    expect(mayActOn({ role: 'league', league: '150100' }, subject)).toBe(false);
    expect(mayActOn({ role: 'enterprise', subject: subject.id }, subject)).toBe(true);
    expect(mayActOn({ role: 'agency', subject: subject.id }, subject)).toBe(false);
    expect(mayActOn({ role: 'enterprise', subject: '91150100MA0N000000' }, subject)).toBe(false);
  });

  it('a subject nothing is known about is in no league bureau’s jurisdiction (as another league’s is not)', () => {
    expect(mayActOn({ role: 'league', league: '150600' }, { ...subject, league: null })).toBe(false);
    expect(mayActOn({ role: 'region' }, { ...subject, league: null })).toBe(true);
    expect(mayActOn({ role: 'enterprise', subject: subject.id }, { ...subject, league: null })).toBe(true);
  });

  it('names the actor of an audit entry', () => {
    expect(actorOf({ role: 'league', league: '150600', sub: 'u1' })).toBe('staff:league:150600:u1');
  });
});
