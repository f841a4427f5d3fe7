import type { ComponentChildren } from 'preact';
import type { WebDeps } from '../../../../functions/web/deps.ts';
import type { WebRequest } from '../../../../functions/web/http/request.ts';
import { htmlResponse } from '../../../../functions/web/http/response.ts';
import type { PortalDeps } from '../../../../functions/web/portal/deps.ts';
import type { PortalContext } from '../../../../functions/web/portal/self.ts';
import { refusalPage } from '../../../../functions/web/router.ts';
import { renderDocument } from '../../../../functions/web/ui/layout.tsx';

export const SITE = 'http://127.0.0.1:3000';

/** A portal page's context for an enterprise signed in, without the HTTP layer (the handler is tested apart). */
export const portalContext = (
  subject: string,
  deps: Partial<PortalDeps>,
  req: Partial<WebRequest>,
  now = new Date('2026-11-02T02:00:00Z'),
): PortalContext => {
  const claims = { role: 'enterprise' as const, subject };
  const session = { claims, displayName: '' } as never;
  const render = (title: string, content: ComponentChildren, status = 200) =>
    htmlResponse(status, renderDocument({ title, session, csrf: 'token' }, content));
  return {
    req: {
      method: 'GET',
      path: '/portal',
      query: {},
      form: {},
      formAll: {},
      cookies: {},
      body: Buffer.alloc(0),
      contentType: '',
      origin: SITE,
      siteOrigin: SITE,
      requestId: 'r',
      ...req,
    },
    params: {},
    session,
    caller: { type: 'staff', claims },
    csrf: 'token',
    now,
    deps: { portal: deps } as unknown as WebDeps,
    signer: null as never,
    cookieOptions: { secure: false },
    render,
    refuse: (r, title) => refusalPage({ render }, r, title),
  };
};
