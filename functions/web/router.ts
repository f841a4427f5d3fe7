import type { ComponentChildren } from 'preact';
import type { Caller } from '../shared/auth.ts';
import type { Refusal } from '../shared/errors.ts';
import type { WebRequest } from './http/request.ts';
import { htmlResponse, redirect, type WebResponse } from './http/response.ts';
import type { CookieOptions, CookieSigner, WebSession } from './session/session.ts';
import { renderDocument } from './ui/layout.tsx';
import { RefusalMessage } from './ui/refusal.tsx';

/**
 * The page routes of the site. Each area (public, console, portal, sign-in) lists its own routes;
 * the handler matches one, checks who may open it at all (`access`: a role, never a jurisdiction —
 * that is the use cases' `authorize`), checks the CSRF token of every POST and calls the page.
 */
export type Access = 'anyone' | 'bureau' | 'participant' | 'signedIn';

export interface PageContext<D> {
  readonly req: WebRequest;
  /** `{name}` parts of the route's path, decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly session: WebSession | null;
  /** The caller the use cases authorise: the signed-in person's claims, or the public. */
  readonly caller: Caller;
  /** The token every form of the page carries. */
  readonly csrf: string;
  readonly now: Date;
  readonly deps: D;
  /** Signs what the site keeps in cookies (the session, a sign-in in progress). */
  readonly signer: CookieSigner;
  readonly cookieOptions: CookieOptions;
  /** The page as an HTML document in the site's layout. */
  render(title: string, content: ComponentChildren, status?: number): WebResponse;
  /** A use case's refusal as a page (403, 404, 400 naming the fields, 409 with its reason). */
  refuse(refusal: Refusal, title?: string): WebResponse;
}

export interface WebRoute<D> {
  readonly method: 'GET' | 'POST';
  /** `/console/subjects/{kind}/{id}`: `{name}` matches one path segment. */
  readonly path: string;
  readonly access: Access;
  handle(ctx: PageContext<D>): Promise<WebResponse>;
}

export type Match<D> = { route: WebRoute<D>; params: Record<string, string> } | { methodNotAllowed: true } | null;

const compile = (path: string) => {
  const names: string[] = [];
  const re = new RegExp(
    `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { re, names };
};

/** Finds the route of a request; a path known for another method only is `methodNotAllowed`. */
export const matcher = <D>(routes: readonly WebRoute<D>[]) => {
  const compiled = routes.map((r) => ({ route: r, ...compile(r.path) }));
  return (method: string, path: string): Match<D> => {
    let pathKnown = false;
    for (const c of compiled) {
      const m = c.re.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((n, i) => {
          params[n] = decodeURIComponent(m[i + 1]!);
        });
      } catch {
        return null;
      }
      return { route: c.route, params };
    }
    return pathKnown ? { methodNotAllowed: true } : null;
  };
};

/** May this session open a route of this access at all (before any use case looks at the target)? */
export const admits = (access: Access, session: WebSession | null): boolean => {
  if (access === 'anyone') return true;
  if (session === null) return false;
  const role = session.claims.role;
  if (access === 'bureau') return role === 'region' || role === 'league';
  if (access === 'participant') return role === 'enterprise' || role === 'agency';
  return true;
};

/** Where a person who is not signed in is sent, to come back to the page afterwards. */
export const signInRedirect = (req: WebRequest): WebResponse =>
  redirect(`/auth/signin?next=${encodeURIComponent(req.path + (req.method === 'GET' ? queryText(req) : ''))}`);

const queryText = (req: WebRequest) => {
  const q = new URLSearchParams(req.query as Record<string, string>).toString();
  return q ? `?${q}` : '';
};

export const refusalPage = (
  chrome: { render: PageContext<unknown>['render'] },
  refusal: Refusal,
  title?: string,
): WebResponse => {
  const status = { unauthorized: 401, forbidden: 403, invalid: 400, notFound: 404, conflict: 409 }[refusal.status];
  const heading =
    title ??
    { unauthorized: '请先登录', forbidden: '无权访问', invalid: '填写有误', notFound: '未找到', conflict: '无法办理' }[
      refusal.status
    ];
  return chrome.render(heading, RefusalMessage({ refusal }), status);
};

export { htmlResponse, renderDocument };
