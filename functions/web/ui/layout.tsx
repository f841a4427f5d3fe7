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

const ROLE_NAMES = {
  region: '自治区生态环境厅',
  league: '盟市生态环境局',
  enterprise: '企业',
  agency: '环保服务机构',
  reviewGroup: '信用评价复核小组',
};

/** Who is signed in, as the header says it: `鄂尔多斯市生态环境局 · 张三`. */
export const signedInAs = (s: WebSession): string => {
  const c = s.claims;
  const unit =
    c.role === 'league'
      ? `${leagueName(c.league)}生态环境局`
      : c.role === 'region'
        ? leagueName(REGION_CODE)
        : c.role === 'reviewGroup'
          ? `${leagueName(REGION_CODE)}${ROLE_NAMES.reviewGroup}`
          : `${ROLE_NAMES[c.role]} ${c.subject ?? ''}`;
  return s.displayName && s.displayName !== unit ? `${unit} · ${s.displayName}` : unit;
};

const isBureau = (s: WebSession | null) => s !== null && (s.claims.role === 'region' || s.claims.role === 'league');
const isParticipant = (s: WebSession | null) =>
  s !== null && (s.claims.role === 'enterprise' || s.claims.role === 'agency');

/** The public site: everyone. */
const PUBLIC_MENU: readonly (readonly [href: string, label: string])[] = [
  ['/', '首页'],
  ['/lists', '评价结果名单'],
  ['/publicity', '评价结果公示'],
  ['/lists/blacklist', '失信黑名单'],
  ['/measures', '奖惩措施查询'],
];

/** The bureau console: region and league staff. */
const CONSOLE_MENU: readonly (readonly [href: string, label: string])[] = [
  ['/console', '工作台'],
  ['/console/subjects', '评价对象'],
  ['/console/repairs', '信用修复审核'],
  ['/console/objections', '异议复核'],
  ['/console/reports', '上报名单'],
  ['/console/comments', '公示意见'],
  ['/console/warnings', '信用预警'],
  ['/console/what-if', '评分模拟'],
  ['/console/stuck', '未入库记录'],
  ['/console/notices', '已发通知'],
  ['/console/letters', '失信函告'],
  ['/console/sampling', '双随机抽查名单'],
  ['/console/statistics', '评价结果统计'],
];

/** The review (复核审定, Art 8): the review group decides, the region follows it. */
const REVIEW_MENU: readonly (readonly [href: string, label: string])[] = [['/console/review', '复核审定']];

/** The participant portal: an enterprise or agency signed in. */
const PORTAL_MENU: readonly (readonly [href: string, label: string])[] = [
  ['/portal', '我的环保信用'],
  ['/portal/repairs', '信用修复'],
  ['/portal/warnings', '信用预警'],
  ['/portal/filing', '参评填报'],
  ['/portal/confirmation', '确认与异议'],
  ['/portal/notices', '我的通知'],
  ['/portal/practitioners', '从业人员填报'],
];

const MenuItems = ({ items }: { items: readonly (readonly [string, string])[] }) => (
  <>
    {items.map(([href, label]) => (
      <li>
        <a href={href}>{label}</a>
      </li>
    ))}
  </>
);

const Navigation = ({ session }: { session: WebSession | null }) => (
  <nav aria-label="主导航">
    <ul>
      <MenuItems items={PUBLIC_MENU} />
      {isBureau(session) ? <MenuItems items={CONSOLE_MENU} /> : null}
      {session?.claims.role === 'region' || session?.claims.role === 'reviewGroup' ? (
        <MenuItems items={REVIEW_MENU} />
      ) : null}
      {isParticipant(session) ? <MenuItems items={PORTAL_MENU} /> : null}
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
