import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { Hs256TokenVerifier, signLocalToken } from '../../../functions/adapters/tokenVerifiers.ts';
import { actorOf, identify, mayActOn } from '../../../functions/shared/auth.ts';

const verifier = new Hs256TokenVerifier('s3cret-s3cret-s3cret-s3cret-s3cret');
const event = (headers: Record<string, string>, claims?: Record<string, unknown>) =>
  ({ headers, requestContext: claims ? { authorizer: { jwt: { claims } } } : {} }) as unknown as APIGatewayProxyEventV2;

describe('who is calling', () => {
  it('no token is the public', async () => {
    expect(await identify(event({}), verifier)).toEqual({ type: 'public' });
  });

  it('a valid bearer token is staff with its claims; a forged or malformed one is invalid', async () => {
    const token = await signLocalToken('s3cret-s3cret-s3cret-s3cret-s3cret', { role: 'league', league: '150100' });
    expect(await identify(event({ authorization: `Bearer ${token}` }), verifier)).toMatchObject({ type: 'staff', claims: { role: 'league', league: '150100' } });
    const forged = await signLocalToken('another-secret-another-secret-xx', { role: 'region' });
    expect(await identify(event({ Authorization: `Bearer ${forged}` }), verifier)).toEqual({ type: 'invalid' });
    expect(await identify(event({ authorization: 'Basic abc' }), verifier)).toEqual({ type: 'invalid' });
  });

  it('takes the claims of the API’s JWT authorizer when it ran', async () => {
    expect(await identify(event({}, { role: 'region', league: '150000' }), verifier)).toMatchObject({ type: 'staff', claims: { role: 'region' } });
    expect(await identify(event({}, { role: 'admin' }), verifier)).toEqual({ type: 'invalid' });
  });
});

describe('jurisdiction (issue 4 §3)', () => {
  const subject = { kind: 'enterprise', id: '91150600MA0Q67890N', league: '150600' };
  it('the region sees all; a league its league; an enterprise only itself', () => {
    expect(mayActOn({ role: 'region' }, subject)).toBe(true);
    expect(mayActOn({ role: 'league', league: '150600' }, subject)).toBe(true);
    expect(mayActOn({ role: 'league', league: '150100' }, subject)).toBe(false);
    expect(mayActOn({ role: 'enterprise', subject: subject.id }, subject)).toBe(true);
    expect(mayActOn({ role: 'agency', subject: subject.id }, subject)).toBe(false);
    expect(mayActOn({ role: 'enterprise', subject: '91150100MA0N000000' }, subject)).toBe(false);
  });

  it('names the actor of an audit entry', () => {
    expect(actorOf({ role: 'league', league: '150600', sub: 'u1' })).toBe('staff:league:150600:u1');
  });
});
