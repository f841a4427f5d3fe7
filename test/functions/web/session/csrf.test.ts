import { describe, expect, it } from 'vitest';
import type { WebRequest } from '../../../../functions/web/http/request.ts';
import { CSRF_COOKIE, csrfProblem, csrfStateOf } from '../../../../functions/web/session/csrf.ts';
import { CookieSigner } from '../../../../functions/web/session/session.ts';

const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const SITE = 'https://credit.nmg.example';
const NONCE = 'n0nce-of-the-visitor-123';

const request = (o: { cookie?: string; field?: string; origin?: string }): WebRequest => ({
  method: 'POST',
  path: '/console/acts',
  query: {},
  form: o.field === undefined ? {} : { _csrf: o.field },
  formAll: {},
  cookies: o.cookie === undefined ? {} : { [CSRF_COOKIE]: o.cookie },
  body: Buffer.alloc(0),
  contentType: 'application/x-www-form-urlencoded',
  origin: o.origin,
  siteOrigin: SITE,
  requestId: 'r1',
});

describe('the CSRF token of a visitor', () => {
  it('gives a first-time visitor a nonce cookie and forms a token of it', () => {
    const state = csrfStateOf(signer, request({}), { secure: true });
    const nonce = /^ecocredit_csrf=([^;]+);/.exec(state.setCookie!)![1]!;
    expect(state.setCookie).toMatch(/HttpOnly; SameSite=Lax; Max-Age=86400; Secure$/);
    expect(state.token).toBe(signer.mac('csrf', nonce));
    expect(state.token).not.toContain(nonce);
  });

  it('keeps a visitor’s nonce, and replaces one that is not a nonce', () => {
    expect(csrfStateOf(signer, request({ cookie: NONCE }), { secure: true })).toEqual({
      token: signer.mac('csrf', NONCE),
      setCookie: null,
    });
    expect(csrfStateOf(signer, request({ cookie: 'x;y' }), { secure: true }).setCookie).not.toBeNull();
  });
});

describe('a POST’s CSRF check', () => {
  const token = signer.mac('csrf', NONCE);

  it('takes the token of the visitor’s own nonce, from its own origin or with no Origin header', () => {
    expect(csrfProblem(signer, request({ cookie: NONCE, field: token, origin: SITE }))).toBeNull();
    expect(csrfProblem(signer, request({ cookie: NONCE, field: token }))).toBeNull();
  });

  it('refuses a form without the token, or without the nonce cookie', () => {
    expect(csrfProblem(signer, request({ cookie: NONCE, origin: SITE }))).toBe('token');
    expect(csrfProblem(signer, request({ field: token, origin: SITE }))).toBe('token');
  });

  it('refuses the token of another nonce, and a token made with another key', () => {
    expect(csrfProblem(signer, request({ cookie: NONCE, field: signer.mac('csrf', 'another-nonce-0123456') }))).toBe(
      'token',
    );
    const other = new CookieSigner('another-key-of-another-site-0123456789');
    expect(csrfProblem(signer, request({ cookie: NONCE, field: other.mac('csrf', NONCE) }))).toBe('token');
    expect(csrfProblem(signer, request({ cookie: NONCE, field: signer.mac('session', NONCE) }))).toBe('token');
  });

  it('refuses a POST from another origin even with a valid token, and an opaque `null` origin', () => {
    for (const origin of [
      'https://evil.example',
      'http://credit.nmg.example',
      'https://credit.nmg.example.evil.example',
      'null',
    ])
      expect(csrfProblem(signer, request({ cookie: NONCE, field: token, origin }))).toBe('origin');
  });
});
