import { LEAGUE_CODES, LEAGUES } from '../../domain/identifiers/leagues.ts';
import { subjectIdProblem } from '../../domain/records/creditRecord.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { StaffClaims } from '../../functions/ports/identity.ts';
import { safeNext } from '../../functions/web/auth/routes.ts';
import type { WebDeps } from '../../functions/web/deps.ts';
import { redirect } from '../../functions/web/http/response.ts';
import type { PageContext, WebRoute } from '../../functions/web/router.ts';
import { cookieHeader, SESSION_COOKIE, startSession } from '../../functions/web/session/session.ts';
import { CsrfField } from '../../functions/web/ui/layout.tsx';
import { RefusalMessage } from '../../functions/web/ui/refusal.tsx';

/**
 * The development sign-in of the local runtime: pick a role, a league or a subject, and be signed in
 * as that person, without an identity provider. It exists only here, in the local runtime's routes
 * (`infra/local/`); the deployed site's function never contains it (docs/web.md).
 */
const ROLES = [
  { value: 'region', label: '自治区生态环境厅（全区）' },
  { value: 'reviewGroup', label: '信用评价复核小组' },
  { value: 'league', label: '盟市生态环境局' },
  { value: 'enterprise', label: '企业' },
  { value: 'agency', label: '环保服务机构' },
] as const;

const Form = ({ ctx, issues, values }: { ctx: PageContext<WebDeps>; issues: InputIssue[]; values: Record<string, string> }) => (
  <>
    <p class="notice">本地开发环境登录：选择身份即可登录，无需密码。部署后的系统使用统一身份认证登录，不提供此页面。</p>
    {issues.length > 0 ? <RefusalMessage refusal={{ status: 'invalid', issues }} /> : null}
    <form method="post" action="/auth/dev">
      <CsrfField token={ctx.csrf} />
      <input type="hidden" name="next" value={values.next ?? ''} />
      <fieldset>
        <legend>身份</legend>
        {ROLES.map((r) => (
          <label>
            <input type="radio" name="role" value={r.value} checked={(values.role ?? 'league') === r.value} /> {r.label}
          </label>
        ))}
      </fieldset>
      <label for="league">所属盟市（盟市生态环境局）</label>
      <select id="league" name="league">
        {LEAGUE_CODES.map((code) => (
          <option value={code} selected={values.league === code}>
            {`${LEAGUES[code]}（${code}）`}
          </option>
        ))}
      </select>
      <label for="subject">统一社会信用代码（企业、环保服务机构）</label>
      <input id="subject" name="subject" value={values.subject ?? ''} maxLength={18} size={24} />
      <label for="displayName">姓名</label>
      <input id="displayName" name="displayName" value={values.displayName ?? ''} maxLength={30} />
      <p>
        <button type="submit">登录</button>
      </p>
    </form>
  </>
);

const claimsOf = (f: Record<string, string>): { claims: StaffClaims } | { issues: InputIssue[] } => {
  const role = ROLES.find((r) => r.value === f.role)?.value;
  if (!role) return { issues: [{ path: '身份', message: '请选择身份' }] };
  if (role === 'region' || role === 'reviewGroup') return { claims: { role } };
  if (role === 'league')
    return f.league && Object.hasOwn(LEAGUES, f.league)
      ? { claims: { role, league: f.league } }
      : { issues: [{ path: '所属盟市', message: '请选择盟市' }] };
  const problem = subjectIdProblem(role, (f.subject ?? '').trim().toUpperCase());
  return problem
    ? { issues: [{ path: '统一社会信用代码', message: problem }] }
    : { claims: { role, subject: (f.subject ?? '').trim().toUpperCase() } };
};

export const devSignInRoutes: readonly WebRoute<WebDeps>[] = [
  {
    method: 'GET',
    path: '/auth/signin',
    access: 'anyone',
    handle: async ({ req }) => redirect(`/auth/dev${req.query.next ? `?next=${encodeURIComponent(req.query.next)}` : ''}`),
  },
  {
    method: 'GET',
    path: '/auth/dev',
    access: 'anyone',
    handle: async (ctx) => ctx.render('登录（本地开发环境）', <Form ctx={ctx} issues={[]} values={{ next: ctx.req.query.next ?? '' }} />),
  },
  {
    method: 'POST',
    path: '/auth/dev',
    access: 'anyone',
    handle: async (ctx) => {
      const got = claimsOf(ctx.req.form);
      if ('issues' in got)
        return ctx.render('登录（本地开发环境）', <Form ctx={ctx} issues={got.issues} values={ctx.req.form} />, 400);
      const now = Math.floor(ctx.now.getTime() / 1000);
      const name = (ctx.req.form.displayName ?? '').trim().slice(0, 30) || '测试用户';
      const session = startSession(got.claims, name, 'dev', now);
      const home =
        got.claims.role === 'reviewGroup'
          ? '/console/review'
          : got.claims.role === 'region' || got.claims.role === 'league'
            ? '/console'
            : '/portal';
      return redirect(safeNext(ctx.req.form.next, home), [
        cookieHeader(SESSION_COOKIE, ctx.signer.seal('session', session), session.expiresAt - now, ctx.cookieOptions),
      ]);
    },
  },
];
