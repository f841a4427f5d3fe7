import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenIdSignIn } from '../../../functions/adapters/openIdSignIn.ts';
import type { SignInStart } from '../../../functions/ports/signIn.ts';
import { IdentityProviderError } from '../../../functions/shared/errors.ts';
import { startOidcProvider, type TestOidcProvider } from '../../support/oidcProvider.ts';

const REDIRECT = 'https://credit.nmg.example/auth/callback';
const officer = { sub: 'u-1', claims: { 'custom:role': 'league', 'custom:league': '150600', name: '张三' } };

let provider: TestOidcProvider;
let signIn: OpenIdSignIn;
beforeAll(async () => {
  provider = await startOidcProvider({ person: officer });
  signIn = new OpenIdSignIn(new URL(provider.issuer), provider.clientId);
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.person = officer;
});

/** The provider's answer to the authorization request: the callback URL it sends the browser to. */
const authorize = async (start: SignInStart): Promise<URL> => {
  const r = await fetch(start.url, { redirect: 'manual' });
  expect(r.status).toBe(302);
  return new URL(r.headers.get('location')!);
};

describe('OpenID Connect sign-in (authorization code with PKCE) against a provider on 127.0.0.1', () => {
  it('asks for a code with an S256 challenge of its verifier, a fresh state and nonce, and the openid scope', async () => {
    const a = await signIn.begin(REDIRECT);
    const b = await signIn.begin(REDIRECT);
    const q = new URL(a.url).searchParams;
    expect(a.url.startsWith(`${provider.issuer}/authorize?`)).toBe(true);
    expect(Object.fromEntries(q)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile',
      state: a.pending.state,
      nonce: a.pending.nonce,
      code_challenge_method: 'S256',
      code_challenge: createHash('sha256').update(a.pending.codeVerifier).digest('base64url'),
    });
    expect(q.get('code_challenge')).not.toBe(a.pending.codeVerifier);
    expect([b.pending.state, b.pending.nonce, b.pending.codeVerifier]).not.toContain(a.pending.state);
    expect(b.pending.codeVerifier).not.toBe(a.pending.codeVerifier);
  });

  it('exchanges the code for the ID token’s verified claims', async () => {
    const start = await signIn.begin(REDIRECT);
    const outcome = await signIn.complete(await authorize(start), start.pending);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.claims).toMatchObject({
      iss: provider.issuer,
      aud: provider.clientId,
      sub: 'u-1',
      nonce: start.pending.nonce,
      'custom:role': 'league',
      'custom:league': '150600',
    });
    expect(outcome.idToken.split('.')).toHaveLength(3);
  });

  it('refuses a code used a second time', async () => {
    const start = await signIn.begin(REDIRECT);
    const callback = await authorize(start);
    expect((await signIn.complete(callback, start.pending)).ok).toBe(true);
    expect(await signIn.complete(callback, start.pending)).toEqual({ ok: false, reason: 'rejected' });
    expect(provider.tokenRefusals.at(-1)).toBe('invalid_grant');
  });

  it('refuses an exchange with another request’s PKCE verifier', async () => {
    const start = await signIn.begin(REDIRECT);
    const other = await signIn.begin(REDIRECT);
    const callback = await authorize(start);
    expect(await signIn.complete(callback, { ...start.pending, codeVerifier: other.pending.codeVerifier })).toEqual({
      ok: false,
      reason: 'rejected',
    });
  });

  it('refuses an ID token carrying another request’s nonce', async () => {
    const start = await signIn.begin(REDIRECT);
    const callback = await authorize(start);
    expect(await signIn.complete(callback, { ...start.pending, nonce: 'another-nonce-0123456789' })).toEqual({
      ok: false,
      reason: 'rejected',
    });
  });

  it('refuses a callback whose state is not the request’s', async () => {
    const start = await signIn.begin(REDIRECT);
    const callback = await authorize(start);
    expect(await signIn.complete(callback, { ...start.pending, state: 'another-state' })).toEqual({
      ok: false,
      reason: 'rejected',
    });
  });

  it('reports a person who refuses at the provider as denied', async () => {
    provider.person = null;
    const start = await signIn.begin(REDIRECT);
    const callback = await authorize(start);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(await signIn.complete(callback, start.pending)).toEqual({ ok: false, reason: 'denied' });
  });

  it('fetches the discovery document once for all its sign-ins', async () => {
    const before = provider.discoveries;
    const fresh = new OpenIdSignIn(new URL(provider.issuer), provider.clientId);
    for (let i = 0; i < 3; i++) await fresh.begin(REDIRECT);
    await fresh.endSessionUrl('https://credit.nmg.example/');
    expect(provider.discoveries - before).toBe(1);
  });

  it('builds the end-session URL with the client id and both return parameters (standard and Cognito’s)', async () => {
    const url = new URL((await signIn.endSessionUrl('https://credit.nmg.example/', 'the.id.token'))!);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: provider.clientId,
      post_logout_redirect_uri: 'https://credit.nmg.example/',
      logout_uri: 'https://credit.nmg.example/',
      id_token_hint: 'the.id.token',
    });
  });

  it('has no end-session URL when the provider has no end-session endpoint', async () => {
    const bare = await startOidcProvider({ person: officer, endSession: false });
    try {
      const s = new OpenIdSignIn(new URL(bare.issuer), bare.clientId);
      expect(await s.endSessionUrl('https://credit.nmg.example/')).toBeNull();
    } finally {
      await bare.close();
    }
  });

  it('throws when the provider cannot be reached, and discovers again on the next sign-in', async () => {
    const gone = await startOidcProvider({ person: officer });
    const s = new OpenIdSignIn(new URL(gone.issuer), gone.clientId);
    await gone.close();
    await expect(s.begin(REDIRECT)).rejects.toBeInstanceOf(IdentityProviderError);
    const back = await startOidcProvider({ person: officer, port: Number(new URL(gone.issuer).port) });
    try {
      expect((await s.begin(REDIRECT)).url.startsWith(`${back.issuer}/authorize?`)).toBe(true);
    } finally {
      await back.close();
    }
  });

  it('refuses plain HTTP for an issuer that is not on this machine', async () => {
    const s = new OpenIdSignIn(new URL('http://id.nmg.example/realms/eco'), 'ecocredit');
    await expect(s.begin(REDIRECT)).rejects.toBeInstanceOf(IdentityProviderError);
  });
});
