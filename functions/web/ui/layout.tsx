import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { REGION_CODE } from '../../../domain/identifiers/leagues.ts';
import type { WebSession } from '../session/session.ts';
import { leagueName } from './format.ts';
import { SCRIPT_PATH, STYLE_SHEET_PATH } from './styles.ts';

/** Everything around a page's own content: the site's name, the navigation for who is signed in, sign-out. */
export interface Chrome {
  readonly title: string;
  readonly session: WebSession | null;
  /** The CSRF token every form carries. */
  readonly csrf: string;
}

export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

const ROLE_NAMES = { region: '自治区生态环境厅', league: '盟市生态环境局', enterprise: '企业', agency: '环保服务机构' };

/** Who is signed in, as the header says it: `鄂尔多斯市生态环境局 · 张三`. */
export const signedInAs = (s: WebSession): string => {
  const c = s.claims;
  const unit =
    c.role === 'league'
      ? `${leagueName(c.league)}生态环境局`
      : c.role === 'region'
        ? leagueName(REGION_CODE)
        : `${ROLE_NAMES[c.role]} ${c.subject ?? ''}`;
  return s.displayName && s.displayName !== unit ? `${unit} · ${s.displayName}` : unit;
};

const isBureau = (s: WebSession | null) => s !== null && (s.claims.role === 'region' || s.claims.role === 'league');
const isParticipant = (s: WebSession | null) =>
  s !== null && (s.claims.role === 'enterprise' || s.claims.role === 'agency');

const Navigation = ({ session }: { session: WebSession | null }) => (
  <nav aria-label="主导航">
    <ul>
      <li>
        <a href="/">首页</a>
      </li>
      <li>
        <a href="/lists">评价结果名单</a>
      </li>
      <li>
        <a href="/lists/blacklist">失信黑名单</a>
      </li>
      <li>
        <a href="/measures">奖惩措施查询</a>
      </li>
      {isBureau(session) ? (
        <>
          <li>
            <a href="/console">工作台</a>
          </li>
          <li>
            <a href="/console/subjects">评价对象</a>
          </li>
          <li>
            <a href="/console/repairs">信用修复审核</a>
          </li>
          <li>
            <a href="/console/objections">异议复核</a>
          </li>
          <li>
            <a href="/console/warnings">信用预警</a>
          </li>
          <li>
            <a href="/console/what-if">评分模拟</a>
          </li>
          <li>
            <a href="/console/stuck">未入库记录</a>
          </li>
          <li>
            <a href="/console/notices">已发通知</a>
          </li>
          <li>
            <a href="/console/sampling">双随机抽查名单</a>
          </li>
          <li>
            <a href="/console/statistics">评价结果统计</a>
          </li>
        </>
      ) : null}
      {isParticipant(session) ? (
        <>
          <li>
            <a href="/portal">我的环保信用</a>
          </li>
          <li>
            <a href="/portal/repairs">信用修复</a>
          </li>
          <li>
            <a href="/portal/warnings">信用预警</a>
          </li>
          <li>
            <a href="/portal/filing">参评填报</a>
          </li>
          <li>
            <a href="/portal/confirmation">确认与异议</a>
          </li>
          <li>
            <a href="/portal/notices">我的通知</a>
          </li>
          <li>
            <a href="/portal/practitioners">从业人员填报</a>
          </li>
        </>
      ) : null}
    </ul>
  </nav>
);

const Page = ({ chrome, children }: { chrome: Chrome; children: ComponentChildren }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${chrome.title} - 内蒙古自治区环保信用评价系统`}</title>
      <link rel="stylesheet" href={STYLE_SHEET_PATH} />
      <script src={SCRIPT_PATH} defer />
    </head>
    <body>
      <a class="skip" href="#content">
        跳到正文
      </a>
      <header class="site">
        <a class="name" href="/">
          内蒙古自治区环保信用评价系统
        </a>
        <Navigation session={chrome.session} />
        {chrome.session ? (
          <form method="post" action="/auth/signout">
            <CsrfField token={chrome.csrf} />
            <span>{signedInAs(chrome.session)}</span> <button type="submit">退出登录</button>
          </form>
        ) : (
          <a href="/auth/signin">工作人员和企业登录</a>
        )}
      </header>
      <main id="content">
        <h1>{chrome.title}</h1>
        {children}
      </main>
      <footer class="site">依据《内蒙古自治区环保信用评价管理暂行办法》开展评价 · 内蒙古自治区生态环境厅</footer>
    </body>
  </html>
);

/** The whole HTML document of a page. */
export const renderDocument = (chrome: Chrome, content: ComponentChildren): string =>
  `<!DOCTYPE html>${render(<Page chrome={chrome}>{content}</Page>)}`;
