import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hs256TokenVerifier, JwksTokenVerifier, signLocalToken } from '../../../functions/adapters/tokenVerifiers.ts';
import { IdentityProviderError } from '../../../functions/shared/errors.ts';

const SECRET = 'local-secret-local-secret-local-secret';
const now = () => Math.floor(Date.now() / 1000);

describe('local HS256 tokens', () => {
  const verifier = new Hs256TokenVerifier(SECRET);

  it('signs tokens that carry iat and exp, 12 hours apart by default', async () => {
    const token = await signLocalToken(SECRET, { role: 'region', league: '150000' });
    const checked = await verifier.check(token);
    expect(checked.ok).toBe(true);
    const payload = checked.ok ? checked.payload : {};
    expect(typeof payload.exp).toBe('number');
    expect((payload.exp as number) - (payload.iat as number)).toBe(12 * 3600);
  });

  it('will not sign a token living longer than 12 hours', async () => {
    await expect(signLocalToken(SECRET, { role: 'region' }, '13h')).rejects.toThrow(RangeError);
    // The default lifetime is counted from the token's own issue second, whatever second the signing ends in.
    const { iat, exp } = JSON.parse(
      Buffer.from((await signLocalToken(SECRET, { role: 'region' })).split('.')[1]!, 'base64url').toString('utf8'),
    ) as { iat: number; exp: number };
    expect(exp - iat).toBe(12 * 3600);
    await expect(signLocalToken(SECRET, { role: 'region' }, 12 * 3600 + 1)).rejects.toThrow(RangeError);
  });

  it('says why a token is refused: bad signature, expired, malformed', async () => {
    const other = await signLocalToken('another-secret-another-secret-xx', { role: 'region' });
    expect(await verifier.check(other)).toEqual({ ok: false, reason: 'bad-signature' });
    const expired = await new SignJWT({ role: 'region' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now() - 7200)
      .setExpirationTime(now() - 60)
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifier.check(expired)).toEqual({ ok: false, reason: 'expired' });
    expect(await verifier.check('a.b.c')).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifier.check('')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('verify gives the claims of a token that passes the whole policy, else null', async () => {
    expect(await verifier.verify(await signLocalToken(SECRET, { role: 'league', league: '150100' }))).toMatchObject({
      role: 'league',
      league: '150100',
    });
    const noExp = await new SignJWT({ role: 'region' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .sign(new TextEncoder().encode(SECRET));
    expect(await verifier.verify(noExp)).toBeNull();
  });
});

describe('issuer tokens verified against the issuer’s key set', () => {
  let server: Server;
  let issuer: string;
  let key: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    // An OpenID provider: a discovery document naming the issuer and its key set (not at Cognito's path).
    server = createServer((req, res) => {
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      requests.push(req.url ?? '');
      if (req.url === '/.well-known/openid-configuration')
        json({ issuer, jwks_uri: `${issuer}/oauth2/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      else if (req.url === '/realms/ecocredit/.well-known/openid-configuration')
        json({
          issuer: `${issuer}/realms/ecocredit`,
          jwks_uri: `${issuer}/realms/ecocredit/protocol/openid-connect/certs`,
        });
      else if (req.url === '/impostor/.well-known/openid-configuration')
        json({ issuer: 'https://elsewhere.example', jwks_uri: `${issuer}/oauth2/v1/keys` });
      else if (req.url === '/flaky/.well-known/openid-configuration' && flaky-- > 0) res.writeHead(503).end('busy');
      else if (req.url === '/flaky/.well-known/openid-configuration')
        json({ issuer: `${issuer}/flaky`, jwks_uri: `${issuer}/oauth2/v1/keys` });
      else if (req.url === '/oauth2/v1/keys' || req.url === '/realms/ecocredit/protocol/openid-connect/certs')
        json({ keys: [jwk] });
      else res.writeHead(500).end('down');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  const requests: string[] = [];
  let flaky = 1;
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const token = (over: { iss?: string; aud?: string; exp?: number } = {}) =>
    new SignJWT({ role: 'region' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(over.iss ?? issuer)
      .setAudience(over.aud ?? 'ecocredit-staff')
      .setIssuedAt()
      .setExpirationTime(over.exp ?? now() + 3600)
      .sign(key);

  it('takes a token of the right issuer and audience', async () => {
    expect(await new JwksTokenVerifier(issuer, 'ecocredit-staff').check(await token())).toMatchObject({
      ok: true,
      payload: { role: 'region' },
    });
  });

  it('says wrong issuer, wrong audience, expired', async () => {
    const v = new JwksTokenVerifier(issuer, 'ecocredit-staff');
    expect(await v.check(await token({ iss: 'https://elsewhere.example' }))).toEqual({
      ok: false,
      reason: 'wrong-issuer',
    });
    expect(await v.check(await token({ aud: 'another-app' }))).toEqual({ ok: false, reason: 'wrong-audience' });
    expect(await v.check(await token({ exp: now() - 10 }))).toEqual({ ok: false, reason: 'expired' });
  });

  it('finds the key set through the issuer’s discovery document, read once', async () => {
    requests.length = 0;
    const v = new JwksTokenVerifier(issuer, 'ecocredit-staff');
    expect(await v.check(await token())).toMatchObject({ ok: true });
    expect(await v.check(await token())).toMatchObject({ ok: true });
    expect(requests.filter((u) => u.endsWith('/openid-configuration'))).toEqual(['/.well-known/openid-configuration']);
    expect(requests).toContain('/oauth2/v1/keys');
    expect(requests).not.toContain('/.well-known/jwks.json');
  });

  it('works with an issuer that has a path (a Keycloak realm)', async () => {
    const realm = `${issuer}/realms/ecocredit`;
    expect(await new JwksTokenVerifier(realm, 'ecocredit-staff').check(await token({ iss: realm }))).toMatchObject({
      ok: true,
      payload: { role: 'region' },
    });
  });

  it('a discovery document naming another issuer is refused as the issuer’s failure', async () => {
    const v = new JwksTokenVerifier(`${issuer}/impostor`, 'ecocredit-staff');
    const err = await v.check(await token({ iss: `${issuer}/impostor` })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdentityProviderError);
    expect(String((err as Error).cause)).toMatch(/names issuer https:\/\/elsewhere\.example/);
  });

  it('a failed discovery is tried again on the next token', async () => {
    const v = new JwksTokenVerifier(`${issuer}/flaky`, 'ecocredit-staff');
    await expect(v.check(await token({ iss: `${issuer}/flaky` }))).rejects.toThrow(IdentityProviderError);
    expect(await v.check(await token({ iss: `${issuer}/flaky` }))).toMatchObject({ ok: true });
  });

  it('a malformed token is refused without asking the issuer', async () => {
    requests.length = 0;
    expect(await new JwksTokenVerifier(`${issuer}/down`, 'ecocredit-staff').check('a.b.c')).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(requests).toEqual([]);
  });

  it('an unreachable key set is the issuer’s failure, not a bad token', async () => {
    const v = new JwksTokenVerifier(`${issuer}/down`, 'ecocredit-staff');
    await expect(v.check(await token({ iss: `${issuer}/down` }))).rejects.toThrow(IdentityProviderError);
  });
});
