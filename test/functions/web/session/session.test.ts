import { describe, expect, it } from 'vitest';
import {
  CookieSigner,
  clearedCookie,
  cookieHeader,
  newNonce,
  openSession,
  SESSION_LIFETIME_SECONDS,
  startSession,
} from '../../../../functions/web/session/session.ts';

const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const NOW = 1_795_000_000;
const officer = startSession({ role: 'league', league: '150600', sub: 'u-1' }, '张三', 'oidc', NOW, {
  expiresAt: NOW + 3600,
  idTokenHint: 'h.p.s',
});

/** A cookie body changed without the key: the old signature kept. */
const tamper = (sealed: string, change: (v: Record<string, unknown>) => Record<string, unknown>) => {
  const [body, mac] = sealed.split('.');
  const value = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify(change(value))).toString('base64url')}.${mac}`;
};

describe('signed cookie values', () => {
  it('opens what it sealed, for the same purpose only', () => {
    const sealed = signer.seal('session', { a: 1 });
    expect(signer.open('session', sealed)).toEqual({ a: 1 });
    expect(signer.open('signin', sealed)).toBeNull();
  });

  it('refuses a changed value, a changed signature, another key’s seal and garbage', () => {
    const sealed = signer.seal('session', { role: 'league' });
    expect(
      signer.open(
        'session',
        tamper(sealed, () => ({ role: 'region' })),
      ),
    ).toBeNull();
    expect(signer.open('session', `${sealed.slice(0, -2)}AA`)).toBeNull();
    expect(new CookieSigner('another-key-of-another-site-0123456789').open('session', sealed)).toBeNull();
    for (const bad of [undefined, '', '.', 'abc', 'abc.', `.${signer.mac('session', '')}`])
      expect(signer.open('session', bad)).toBeNull();
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => new CookieSigner('short-key')).toThrow(/at least 32 characters/);
  });

  it('makes fresh random nonces', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax, site-wide, and Secure on a deployed site only', () => {
    expect(cookieHeader('ecocredit_session', 'v', 60, { secure: true })).toBe(
      'ecocredit_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure',
    );
    expect(cookieHeader('ecocredit_session', 'v', 60, { secure: false })).not.toContain('Secure');
    expect(clearedCookie('ecocredit_session', { secure: true })).toContain('Max-Age=0');
  });

  it('last as long as the token, and never more than 12 hours', () => {
    expect(officer.expiresAt).toBe(NOW + 3600);
    expect(startSession({ role: 'region' }, '', 'oidc', NOW, { expiresAt: NOW + 86_400 }).expiresAt).toBe(
      NOW + SESSION_LIFETIME_SECONDS,
    );
    expect(startSession({ role: 'region' }, '', 'dev', NOW).expiresAt).toBe(NOW + 12 * 3600);
  });

  it('opens a session sealed by the site while it lasts', () => {
    expect(openSession(signer, signer.seal('session', officer), NOW + 10)).toEqual(officer);
  });

  it('refuses an expired session', () => {
    const sealed = signer.seal('session', officer);
    expect(openSession(signer, sealed, NOW + 3600)).toBeNull();
    expect(openSession(signer, sealed, NOW + 3599)).not.toBeNull();
  });

  it('refuses a session whose cookie was changed (another role, another league, a later end)', () => {
    const sealed = signer.seal('session', officer);
    expect(
      openSession(
        signer,
        tamper(sealed, (s) => ({ ...s, claims: { role: 'region' } })),
        NOW,
      ),
    ).toBeNull();
    expect(
      openSession(
        signer,
        tamper(sealed, (s) => ({ ...s, claims: { role: 'league', league: '150100' } })),
        NOW,
      ),
    ).toBeNull();
    expect(
      openSession(
        signer,
        tamper(sealed, (s) => ({ ...s, expiresAt: NOW + 7200 })),
        NOW,
      ),
    ).toBeNull();
    expect(openSession(signer, signer.seal('signin', officer), NOW)).toBeNull();
  });

  it('checks the claims again with the staff token policy', () => {
    const sealedWith = (v: Record<string, unknown>) => signer.seal('session', { ...officer, ...v });
    // A role the system does not know, a league bureau without its league, a participant without its code.
    expect(openSession(signer, sealedWith({ claims: { role: 'admin' } }), NOW)).toBeNull();
    expect(openSession(signer, sealedWith({ claims: { role: 'league' } }), NOW)).toBeNull();
    expect(openSession(signer, sealedWith({ claims: { role: 'enterprise' } }), NOW)).toBeNull();
    // Longer than a staff token may live.
    expect(openSession(signer, sealedWith({ expiresAt: NOW + 13 * 3600 }), NOW)).toBeNull();
    // What a session must carry, with its types.
    for (const broken of [
      { claims: 'region' },
      { claims: null },
      { displayName: 3 },
      { via: 'password' },
      { issuedAt: '1795000000' },
      { idTokenHint: 42 },
    ])
      expect(openSession(signer, sealedWith(broken), NOW)).toBeNull();
  });

  it('keeps of the cookie only the fields of a session', () => {
    const s = openSession(signer, signer.seal('session', { ...officer, admin: true }), NOW);
    expect(s).toEqual(officer);
  });
});
