import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { webRequestOf } from './http/request.ts';
import { asset, type WebResponse } from './http/response.ts';
import { admits, matcher, type PageContext, signInRedirect, type WebRoute } from './router.ts';
import { csrfProblem } from './session/csrf.ts';
import { ErrorNotice } from './ui/refusal.tsx';
import { SCRIPT, SCRIPT_PATH, STYLE_SHEET, STYLE_SHEET_PATH } from './ui/styles.ts';
import { openVisit, type WebSettings } from './visit.ts';

export type { WebSettings } from './visit.ts';

/** The pages' one Lambda handler: the request, its session and CSRF check, the route's page, the response. */
export const createWebHandler = <D>(routes: readonly WebRoute<D>[], deps: D, s: WebSettings) => {
  const find = matcher(routes);
  return async (event: APIGatewayProxyEventV2): Promise<WebResponse> => {
    const req = webRequestOf(event);
    if (req.method === 'GET' && req.path === STYLE_SHEET_PATH) return asset(STYLE_SHEET, 'text/css; charset=utf-8');
    if (req.method === 'GET' && req.path === SCRIPT_PATH) return asset(SCRIPT, 'text/javascript; charset=utf-8');
    const v = await openVisit(req, s);
    try {
      const match = find(req.method, req.path);
      if (match === null) return v.withCookie(v.refuse({ status: 'notFound' }, '页面不存在'));
      if ('methodNotAllowed' in match) return v.withCookie(v.render('不支持该请求方法', null, 405));
      if (req.method === 'POST' && csrfProblem(v.signer, req) !== null)
        return v.withCookie(v.render('表单已失效', ErrorNotice({ text: STALE_FORM }), 403));
      if (!admits(match.route.access, v.session))
        return v.session === null ? signInRedirect(req) : v.withCookie(v.refuse({ status: 'forbidden' }));
      const ctx: PageContext<D> = {
        ...{ req, params: match.params, session: v.session, caller: v.caller, csrf: v.csrf.token, now: v.now },
        ...{ deps, signer: v.signer, cookieOptions: s.cookies, render: v.render, refuse: v.refuse },
      };
      return v.withCookie(await match.route.handle(ctx));
    } catch (err) {
      s.logger.error('page failed', { path: req.path, error: err instanceof Error ? err.message : String(err) });
      return v.withCookie(v.render('服务暂时不可用', ErrorNotice({ text: '服务内部错误，请稍后重试。' }), 500));
    }
  };
};

const STALE_FORM = '表单已失效或来源不明，请返回上一页刷新后重新提交。';
