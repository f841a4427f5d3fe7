import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * A small OpenID Connect provider on 127.0.0.1 for tests: discovery, a JWKS, `/authorize` that
 * signs the configured person in at once and redirects back with a one-time code, `/token` that
 * checks the client id, the redirect URI and the PKCE S256 verifier before issuing an RS256 ID token,
 * and `/logout` (RP-initiated logout, back to `post_logout_redirect_uri`). It speaks the protocol to the real client library; nothing in
 * the sign-in code is mocked.
 */
export interface OidcPerson {
  readonly sub: string;
  /** Extra ID token claims: `role`, `league`, `subject` or Cognito's `custom:role`…, `name`. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  /** Who `/authorize` signs in next; `null`: the person refuses (`error=access_denied`). */
  person: OidcPerson | null;
  /** Seconds an ID token lives. */
  tokenSeconds: number;
  /** The `exp` of the last ID token issued (seconds), null before the first. */
  lastExpiry: number | null;
  /** The authorization requests received (their query parameters). */
  readonly authorizations: URLSearchParams[];
  /** Token requests refused, with the OAuth error sent back. */
  readonly tokenRefusals: string[];
  /** The logout requests received (their query parameters). */
  readonly logouts: URLSearchParams[];
  /** How many times the discovery document was fetched. */
  discoveries: number;
  close(): Promise<void>;
}

interface IssuedCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | null;
  readonly person: OidcPerson;
  used: boolean;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
};

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export const startOidcProvider = async (
  o: { clientId?: string; person?: OidcPerson | null; endSession?: boolean; port?: number } = {},
): Promise<TestOidcProvider> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: TestOidcProvider = {
    issuer,
    clientId: o.clientId ?? 'ecocredit-web',
    person: o.person === undefined ? null : o.person,
    tokenSeconds: 3600,
    lastExpiry: null,
    authorizations: [],
    tokenRefusals: [],
    logouts: [],
    discoveries: 0,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };

  const refuseToken = (res: ServerResponse, error: string) => {
    provider.tokenRefusals.push(error);
    json(res, 400, { error });
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    if (form.get('grant_type') !== 'authorization_code') return refuseToken(res, 'unsupported_grant_type');
    const issued = codes.get(form.get('code') ?? '');
    if (!issued) return refuseToken(res, 'invalid_grant');
    if (issued.used) return refuseToken(res, 'invalid_grant');
    issued.used = true;
    if (form.get('client_id') !== issued.clientId) return refuseToken(res, 'invalid_client');
    if (form.get('redirect_uri') !== issued.redirectUri) return refuseToken(res, 'invalid_grant');
    if (s256(form.get('code_verifier') ?? '') !== issued.challenge) return refuseToken(res, 'invalid_grant');
    const now = Math.floor(Date.now() / 1000);
    provider.lastExpiry = now + provider.tokenSeconds;
    const idToken = await new SignJWT({ ...issued.person.claims, ...(issued.nonce ? { nonce: issued.nonce } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
      .setIssuer(issuer)
      .setAudience(issued.clientId)
      .setSubject(issued.person.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + provider.tokenSeconds)
      .sign(privateKey);
    json(res, 200, {
      access_token: randomBytes(24).toString('base64url'),
      token_type: 'Bearer',
      expires_in: provider.tokenSeconds,
      id_token: idToken,
    });
  };

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    provider.authorizations.push(q);
    const redirectUri = q.get('redirect_uri');
    if (
      q.get('client_id') !== provider.clientId ||
      !redirectUri ||
      q.get('response_type') !== 'code' ||
      q.get('code_challenge_method') !== 'S256' ||
      !q.get('code_challenge') ||
      !(q.get('scope') ?? '').split(' ').includes('openid')
    )
      return json(res, 400, { error: 'invalid_request' });
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (provider.person === null) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        clientId: provider.clientId,
        redirectUri,
        challenge: q.get('code_challenge')!,
        nonce: q.get('nonce'),
        person: provider.person,
        used: false,
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.href });
    res.end();
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration') {
      provider.discoveries++;
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        ...(o.endSession === false ? {} : { end_session_endpoint: `${issuer}/logout` }),
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid', 'profile'],
      });
    }
    if (route === 'GET /jwks') return json(res, 200, { keys: [jwk] });
    if (route === 'GET /authorize') return authorize(url, res);
    if (route === 'POST /token') {
      token(req, res).catch((err: unknown) => json(res, 500, { error: String(err) }));
      return;
    }
    if (route === 'GET /logout') {
      provider.logouts.push(url.searchParams);
      const back = url.searchParams.get('post_logout_redirect_uri');
      res.writeHead(back ? 302 : 200, back ? { location: back } : { 'content-type': 'text/plain' });
      return res.end(back ? '' : 'signed out');
    }
    json(res, 404, { error: 'not_found' });
  });
  return provider;
};
