import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../../functions/shared/clock.ts';
import { createLogger } from '../../../functions/shared/logger.ts';
import type { WebRequest } from '../../../functions/web/http/request.ts';
import { CSRF_COOKIE } from '../../../functions/web/session/csrf.ts';
import { CookieSigner, SESSION_COOKIE, startSession } from '../../../functions/web/session/session.ts';
import { openVisit } from '../../../functions/web/visit.ts';

const signer = new CookieSigner('a-test-key-of-the-site-0123456789-abcdef');
const clock = new AdjustableClock();
clock.freeze(new Date('2026-11-20T02:00:00Z'));
const settings = { signer: async () => signer, cookies: { secure: false }, clock, logger: createLogger('visit-test') };
const request = (cookies: Record<string, string>): WebRequest => ({
  method: 'GET',
  path: '/',
  query: {},
  form: {},
  formAll: {},
  cookies,
  body: Buffer.alloc(0),
  contentType: '',
  origin: undefined,
  siteOrigin: 'http://127.0.0.1:3000',
  requestId: 'r',
});

describe('a visit', () => {
  it('is the public without a session, and gets a CSRF cookie once', async () => {
    const first = await openVisit(request({}), settings);
    expect(first.caller).toEqual({ type: 'public' });
    expect(first.withCookie({ statusCode: 200, body: '' }).cookies?.[0]).toMatch(/^ecocredit_csrf=/);
    const nonce = 'n0nce-of-the-visitor-123';
    const again = await openVisit(request({ [CSRF_COOKIE]: nonce }), settings);
    expect(again.withCookie({ statusCode: 200, body: '' }).cookies).toBeUndefined();
    expect(again.csrf.token).toBe(signer.mac('csrf', nonce));
  });

  it('is the signed-in person with the claims of the session, as the use cases authorise them', async () => {
    const now = Math.floor(clock.now().getTime() / 1000);
    const session = signer.seal('session', startSession({ role: 'league', league: '150600' }, '张三', 'dev', now));
    const v = await openVisit(request({ [SESSION_COOKIE]: session }), settings);
    expect(v.caller).toEqual({ type: 'staff', claims: { role: 'league', league: '150600' } });
    expect(v.render('工作台', null).body).toContain('鄂尔多斯市生态环境局 · 张三');
  });
});
