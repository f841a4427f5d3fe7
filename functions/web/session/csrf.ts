import { timingSafeEqual } from 'node:crypto';
import type { WebRequest } from '../http/request.ts';
import { type CookieOptions, type CookieSigner, cookieHeader, newNonce } from './session.ts';

/**
 * Cross-site request forgery protection for every form (signed double submit): each visitor has a
 * random nonce in an HttpOnly cookie, and every form carries `_csrf`, the nonce's HMAC under the
 * site's key. A POST is taken only when the field matches the cookie, and its `Origin`, when the
 * browser sends one, is the site's own. Another site can neither read the cookie nor compute the
 * field, and the SameSite cookie is not sent with its POSTs anyway.
 */
export const CSRF_COOKIE = 'ecocredit_csrf';
export const CSRF_FIELD = '_csrf';
const CSRF_COOKIE_SECONDS = 24 * 60 * 60;

export interface CsrfState {
  /** The value every form of the page carries. */
  readonly token: string;
  /** A new cookie to set when the visitor had none. */
  readonly setCookie: string | null;
}

export const csrfStateOf = (signer: CookieSigner, req: WebRequest, o: CookieOptions): CsrfState => {
  const current = req.cookies[CSRF_COOKIE];
  const nonce = current && /^[A-Za-z0-9_-]{16,64}$/.test(current) ? current : newNonce();
  return {
    token: signer.mac('csrf', nonce),
    setCookie: nonce === current ? null : cookieHeader(CSRF_COOKIE, nonce, CSRF_COOKIE_SECONDS, o),
  };
};

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Why a POST is refused: no or wrong token, or another origin; null when it may proceed. An opaque
 * `Origin: null` is refused too: the site's own pages always send their origin with a same-origin
 * POST (their referrer policy is `same-origin`), while sandboxed frames and documents of unknown
 * origin send `null`.
 */
export const csrfProblem = (signer: CookieSigner, req: WebRequest): 'token' | 'origin' | null => {
  if (req.origin !== undefined && req.origin !== req.siteOrigin) return 'origin';
  const nonce = req.cookies[CSRF_COOKIE];
  const given = req.form[CSRF_FIELD] ?? req.query[CSRF_FIELD];
  if (!nonce || !given) return 'token';
  return sameText(given, signer.mac('csrf', nonce)) ? null : 'token';
};
