import type { StaffClaims } from '../../ports/identity.ts';
import type { PendingSignIn } from '../../ports/signIn.ts';
import { staffClaimsOf } from '../../shared/auth.ts';
import type { WebDeps } from '../deps.ts';
import { htmlResponse, redirect, type WebResponse } from '../http/response.ts';
import type { PageContext, WebRoute } from '../router.ts';
import { clearedCookie, cookieHeader, SESSION_COOKIE, startSession } from '../session/session.ts';
import { renderDocument } from '../ui/layout.tsx';
import { SIGN_IN_REFUSALS, SignedOut, type SignInRefusal, SignInRefused } from './pages.tsx';

/**
 * A `next` parameter kept only when it is a path of this site: it starts with one `/` (never `//`
 * or `/\`, which browsers read as another host) and holds printable ASCII only (no spaces, tabs or
 * controls a browser would drop, no backslash). Anything else is the fallback: no open redirect.
 */
export const safeNext = (next: string | undefined, fallback: string): string =>
  next && /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(next) ? next : fallback;

/** The cookie that carries a sign-in in progress (state, nonce, PKCE verifier, where to go after). */
export const SIGN_IN_COOKIE = 'ecocredit_signin';
/** Long enough to type a password and a one-time code; short enough that a stale sign-in cannot be replayed. */
export const SIGN_IN_SECONDS = 10 * 60;
const SIGN_IN_PURPOSE = 'signin';
const CALLBACK_PATH = '/auth/callback';
/** The longest name kept for the header. */
const DISPLAY_NAME_LENGTH = 30;

interface PendingCookie extends PendingSignIn {
  readonly next: string;
  readonly expiresAt: number;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

const pendingOf = (value: unknown, now: number): PendingCookie | null => {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  const texts = [p.state, p.nonce, p.codeVerifier, p.next].every((v) => typeof v === 'string');
  return texts && typeof p.expiresAt === 'number' && p.expiresAt > now ? (p as unknown as PendingCookie) : null;
};

/** The name the header shows: the provider's name for the person, or none (the unit is shown). */
const displayNameOf = (claims: Readonly<Record<string, unknown>>): string => {
  for (const key of ['name', 'preferred_username', 'cognito:username', 'email']) {
    const v = claims[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, DISPLAY_NAME_LENGTH);
  }
  return '';
};

const homeOf = (claims: StaffClaims) => (claims.role === 'region' || claims.role === 'league' ? '/console' : '/portal');

const refused = (ctx: PageContext<WebDeps>, refusal: SignInRefusal): WebResponse => {
  const r = SIGN_IN_REFUSALS[refusal];
  const page = ctx.render(r.title, SignInRefused({ refusal }), r.status);
  return { ...page, cookies: [clearedCookie(SIGN_IN_COOKIE, ctx.cookieOptions)] };
};

/** `GET /auth/signin?next=`: to the provider's authorization endpoint, the request's secrets kept in a signed cookie. */
const signIn = async (ctx: PageContext<WebDeps>): Promise<WebResponse> => {
  const provider = ctx.deps.auth.signIn;
  if (provider === null) return refused(ctx, 'unavailable');
  const start = await provider.begin(`${ctx.req.siteOrigin}${CALLBACK_PATH}`);
  const pending: PendingCookie = {
    ...start.pending,
    next: safeNext(ctx.req.query.next, ''),
    expiresAt: seconds(ctx.now) + SIGN_IN_SECONDS,
  };
  const sealed = ctx.signer.seal(SIGN_IN_PURPOSE, pending);
  return redirect(start.url, [cookieHeader(SIGN_IN_COOKIE, sealed, SIGN_IN_SECONDS, ctx.cookieOptions)]);
};

/**
 * `GET /auth/callback`: the code exchanged (state, nonce and PKCE verifier of this browser's own
 * request), the ID token's claims through the same policy as staff tokens, a session no longer than
 * the token. Whatever fails, no session is made and the sign-in cookie is spent.
 */
const callback = async (ctx: PageContext<WebDeps>): Promise<WebResponse> => {
  const provider = ctx.deps.auth.signIn;
  if (provider === null) return refused(ctx, 'unavailable');
  const now = seconds(ctx.now);
  const pending = pendingOf(ctx.signer.open(SIGN_IN_PURPOSE, ctx.req.cookies[SIGN_IN_COOKIE]), now);
  if (pending === null) return refused(ctx, 'expired');
  if (ctx.req.query.state !== pending.state) return refused(ctx, 'state');
  const url = new URL(
    `${ctx.req.siteOrigin}${CALLBACK_PATH}?${new URLSearchParams(ctx.req.query as Record<string, string>)}`,
  );
  const outcome = await provider.complete(url, pending);
  if (!outcome.ok) return refused(ctx, outcome.reason);
  const checked = staffClaimsOf(outcome.claims, now);
  if (!checked.ok) return refused(ctx, checked.reason === 'bad-claims' ? 'noRole' : 'rejected');
  const exp = outcome.claims.exp;
  const session = startSession(checked.claims, displayNameOf(outcome.claims), 'oidc', now, {
    ...(typeof exp === 'number' ? { expiresAt: exp } : {}),
    idTokenHint: outcome.idToken,
  });
  return redirect(safeNext(pending.next, homeOf(checked.claims)), [
    clearedCookie(SIGN_IN_COOKIE, ctx.cookieOptions),
    cookieHeader(SESSION_COOKIE, ctx.signer.seal('session', session), session.expiresAt - now, ctx.cookieOptions),
  ]);
};

/**
 * `POST /auth/signout`: the session cookie is cleared; after a provider sign-in, the provider's
 * session is ended too (its end-session endpoint, when it has one), else back to the home page.
 */
const signOut = async (ctx: PageContext<WebDeps>): Promise<WebResponse> => {
  const cleared = [clearedCookie(SESSION_COOKIE, ctx.cookieOptions)];
  const provider = ctx.deps.auth.signIn;
  const session = ctx.session;
  if (provider === null || session?.via !== 'oidc') return redirect('/', cleared);
  const providerUrl = await provider.endSessionUrl(`${ctx.req.siteOrigin}/`, session.idTokenHint);
  if (providerUrl === null) return redirect('/', cleared);
  const html = renderDocument({ title: '已退出登录', session: null, csrf: ctx.csrf }, SignedOut({ providerUrl }));
  return htmlResponse(200, html, cleared);
};

/** Sign-in (OpenID Connect with PKCE at the staff token issuer) and sign-out (docs/web.md). */
export const authRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/auth/signin', access: 'anyone', handle: signIn },
  { method: 'GET', path: CALLBACK_PATH, access: 'anyone', handle: callback },
  { method: 'POST', path: '/auth/signout', access: 'anyone', handle: signOut },
];
