import type { ComponentChildren } from 'preact';
import type { Caller } from '../shared/auth.ts';
import type { Clock } from '../shared/clock.ts';
import type { Refusal } from '../shared/errors.ts';
import type { createLogger } from '../shared/logger.ts';
import type { WebRequest } from './http/request.ts';
import { htmlResponse, type WebResponse } from './http/response.ts';
import { refusalPage } from './router.ts';
import { type CsrfState, csrfStateOf } from './session/csrf.ts';
import {
  type CookieOptions,
  type CookieSigner,
  openSession,
  SESSION_COOKIE,
  type WebSession,
} from './session/session.ts';
import { renderDocument } from './ui/layout.tsx';

export interface WebSettings {
  /** The cookie signer, from the site's secret (read once, when the first request needs it). */
  readonly signer: () => Promise<CookieSigner>;
  readonly cookies: CookieOptions;
  readonly clock: Clock;
  readonly logger: ReturnType<typeof createLogger>;
}

/** One request's visitor: who is signed in (if anyone), the CSRF state, and how pages answer them. */
export interface Visit {
  readonly now: Date;
  readonly signer: CookieSigner;
  readonly session: WebSession | null;
  readonly caller: Caller;
  readonly csrf: CsrfState;
  render(title: string, content: ComponentChildren, status?: number): WebResponse;
  refuse(refusal: Refusal, title?: string): WebResponse;
  /** The response with the visitor's new CSRF cookie, when it had none. */
  withCookie(r: WebResponse): WebResponse;
}

export const openVisit = async (req: WebRequest, s: WebSettings): Promise<Visit> => {
  const now = s.clock.now();
  const signer = await s.signer();
  const session = openSession(signer, req.cookies[SESSION_COOKIE], Math.floor(now.getTime() / 1000));
  const csrf = csrfStateOf(signer, req, s.cookies);
  const render = (title: string, content: ComponentChildren, status = 200) =>
    htmlResponse(status, renderDocument({ title, session, csrf: csrf.token }, content));
  return {
    now,
    signer,
    session,
    caller: session ? { type: 'staff', claims: session.claims } : { type: 'public' },
    csrf,
    render,
    refuse: (r, title) => refusalPage({ render }, r, title),
    withCookie: (r) => (csrf.setCookie ? { ...r, cookies: [...(r.cookies ?? []), csrf.setCookie] } : r),
  };
};
