/** Why a sign-in ended without a session, in the words a person reads. */
export type SignInRefusal = 'expired' | 'state' | 'denied' | 'rejected' | 'noRole' | 'unavailable';

export const SIGN_IN_REFUSALS: Readonly<Record<SignInRefusal, { status: number; title: string; text: string }>> = {
  expired: {
    status: 400,
    title: '登录已失效',
    text: '本次登录请求已过期或已使用过，请重新登录。',
  },
  state: {
    status: 400,
    title: '登录请求无效',
    text: '登录回调与本浏览器发起的登录请求不符，已拒绝。请重新登录。',
  },
  denied: {
    status: 403,
    title: '登录未完成',
    text: '统一身份认证未同意本次登录（已取消或被拒绝）。',
  },
  rejected: {
    status: 400,
    title: '登录校验未通过',
    text: '统一身份认证返回的登录凭证未通过校验，请重新登录。',
  },
  noRole: {
    status: 403,
    title: '账号未开通本系统权限',
    text: '您的账号尚未在本系统中分配角色（自治区或盟市生态环境部门、企业、环保服务机构），请联系系统管理员开通。',
  },
  unavailable: {
    status: 404,
    title: '未配置统一身份认证',
    text: '本环境未配置统一身份认证登录。',
  },
};

/** A sign-in that ended without a session: what happened, and the way to try again. */
export const SignInRefused = ({ refusal }: { refusal: SignInRefusal }) => (
  <>
    <p class="notice error" role="alert">
      {SIGN_IN_REFUSALS[refusal].text}
    </p>
    <p>
      <a href="/auth/signin">重新登录</a> · <a href="/">返回首页</a>
    </p>
  </>
);

/**
 * Signed out here; the identity provider's session is ended next. The provider is reached by a
 * refresh rather than a redirect of the sign-out form: the content security policy's `form-action
 * 'self'` also governs the redirects that follow a form, and the provider is another origin.
 */
export const SignedOut = ({ providerUrl }: { providerUrl: string }) => (
  <>
    <meta http-equiv="refresh" content={`0;url=${providerUrl}`} />
    <p class="notice ok">您已退出本系统，正在退出统一身份认证……</p>
    <p>
      如果页面没有自动跳转，请<a href={providerUrl}>点击此处退出统一身份认证</a>。
    </p>
  </>
);
