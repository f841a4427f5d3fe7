import type { ComponentChildren } from 'preact';
import { COMMENT_TEXT_MAX, CONTACT_MAX } from '../../../../domain/publicity/comment.ts';
import type { PublicityEntry, PublicityStatus } from '../../../publicity/publicityLists.ts';
import type { CommentOutcome } from '../../../publicity/submitComment.ts';
import type { Refusal } from '../../../shared/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { redirect } from '../../http/response.ts';
import type { PageContext } from '../../router.ts';
import type { CookieSigner } from '../../session/session.ts';
import { leagueName, scoreText } from '../../ui/format.ts';
import { CsrfField } from '../../ui/layout.tsx';
import { Plate } from '../../ui/plate.tsx';
import { ErrorNotice, RefusalMessage } from '../../ui/refusal.tsx';
import { publicityPath, publicityTitle, windowText } from './parts.tsx';

type Ctx = PageContext<WebDeps>;

const FORM_PURPOSE = 'publicity-comment-form';
const CLIENT_PURPOSE = 'publicity-comment-client';

/** The render time of a form, signed: a program cannot pretend it waited (floodGuard.ts). */
const renderedField = (signer: CookieSigner, at: number): string => `${at}.${signer.mac(FORM_PURPOSE, String(at))}`;

/** The render time a form carries, when its signature is ours; null otherwise. */
export const renderedAtOf = (signer: CookieSigner, field: string | undefined): number | null => {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{20,100})$/.exec(field ?? '');
  if (!m) return null;
  return signer.mac(FORM_PURPOSE, m[1]!) === m[2] ? Number(m[1]) : null;
};

/** The client as the rate limit knows it: a keyed hash of its address, never the address itself. */
export const clientKeyOf = (signer: CookieSigner, address: string | undefined): string =>
  signer.mac(CLIENT_PURPOSE, address ?? 'unknown').slice(0, 32);

const EntrySummary = ({ e }: { e: PublicityEntry }) => (
  <dl class="grid2">
    <dt>名称</dt>
    <dd>{e.name}</dd>
    <dt>统一社会信用代码</dt>
    <dd>{e.code}</dd>
    <dt>盟市</dt>
    <dd>{leagueName(e.league)}</dd>
    <dt>拟评等级</dt>
    <dd>
      <Plate grade={e.grade} />
    </dd>
    <dt>评分</dt>
    <dd>{e.score === null ? '—' : scoreText(e.score / 10)}</dd>
    <dt>拟列入黑名单</dt>
    <dd>{e.blacklistProposed ? '是' : '否'}</dd>
  </dl>
);

const CommentForm = ({
  ctx,
  p,
  e,
  text,
  contact,
}: {
  ctx: Ctx;
  p: PublicityStatus;
  e: PublicityEntry;
  text?: string | undefined;
  contact?: string | undefined;
}) => (
  <form method="post" action={`${publicityPath(p)}/${encodeURIComponent(e.code)}`}>
    <CsrfField token={ctx.csrf} />
    <input type="hidden" name="rendered" value={renderedField(ctx.signer, ctx.now.getTime())} />
    <div>
      <label for="comment-text">意见内容（必填，不超过{COMMENT_TEXT_MAX}字）</label>
      <textarea id="comment-text" name="text" rows={6} cols={60} maxLength={COMMENT_TEXT_MAX} required>
        {text ?? ''}
      </textarea>
    </div>
    <div>
      <label for="comment-contact">联系方式（选填，仅供核实，不公开）</label>
      <input id="comment-contact" name="contact" type="text" maxLength={CONTACT_MAX} size={40} value={contact ?? ''} />
    </div>
    <div class="visually-hidden">
      <label for="comment-website">请勿填写此项</label>
      <input id="comment-website" name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
    </div>
    <button type="submit">提交意见</button>
  </form>
);

const NotPublic = (ctx: Ctx) =>
  ctx.render(
    '未找到该公示',
    <p class="notice error">
      该公示不存在、尚未开始，或该单位不在公示名单中。请回到<a href="/publicity">评价结果公示</a>查看。
    </p>,
    404,
  );

const formPage = (
  ctx: Ctx,
  p: PublicityStatus,
  e: PublicityEntry,
  status = 200,
  notice: ComponentChildren = null,
  kept: { text?: string | undefined; contact?: string | undefined } = {},
) =>
  ctx.render(
    `对“${e.name}”的公示结果提出意见`,
    <>
      <p>
        <a href={publicityPath(p)}>{publicityTitle(p)}</a>（{windowText(p)}）
      </p>
      <EntrySummary e={e} />
      {notice}
      {p.open ? (
        <CommentForm ctx={ctx} p={p} e={e} text={kept.text} contact={kept.contact} />
      ) : (
        <p class="notice">公示期已结束，不再受理意见。</p>
      )}
    </>,
    status,
  );

/** `GET /publicity/{year}/{kind}/{code}`: a listed entry with the comment form (no sign-in). */
export const commentFormPage = async (ctx: Ctx) => {
  const found = await ctx.deps.public.publicity.lists.entry(ctx.params.year!, ctx.params.kind!, ctx.params.code!);
  if (!found) return NotPublic(ctx);
  return formPage(ctx, found.publicity, found.entry);
};

const THROTTLED: Record<'tooFast' | 'stale' | 'rate', string> = {
  tooFast: '提交过快，请确认意见内容后稍候再提交。',
  stale: '表单已过期，请确认意见内容后重新提交。',
  rate: '您提交意见过于频繁，请稍后再试（每10分钟最多提交5条意见）。',
};

/** `POST /publicity/{year}/{kind}/{code}`: a comment; a refusal says why in Chinese (429 when throttled). */
export const postComment = async (ctx: Ctx) => {
  const { year, kind, code } = ctx.params as Record<'year' | 'kind' | 'code', string>;
  const f = ctx.req.form;
  const out: CommentOutcome = await ctx.deps.public.publicity.comment.execute({
    year,
    kind,
    code,
    text: f.text,
    contact: f.contact,
    trap: f.website,
    renderedAt: renderedAtOf(ctx.signer, f.rendered),
    client: clientKeyOf(ctx.signer, ctx.req.sourceIp),
  });
  if (out.status === 'ok') return redirect(`/publicity/${year}/${kind}/${encodeURIComponent(code)}/thanks`);
  if (out.status === 'notFound') return NotPublic(ctx);
  if (out.status === 'conflict') return ctx.render('公示期已结束', <ErrorNotice text={out.message} />, 409);
  const found = await ctx.deps.public.publicity.lists.entry(year, kind, code);
  if (!found) return NotPublic(ctx);
  const kept = { text: f.text, contact: f.contact };
  if (out.status === 'throttled') {
    const r = formPage(ctx, found.publicity, found.entry, 429, <ErrorNotice text={THROTTLED[out.reason]} />, kept);
    return { ...r, headers: { ...r.headers, 'retry-after': String(out.retryAfterSeconds) } };
  }
  return formPage(ctx, found.publicity, found.entry, 400, <RefusalMessage refusal={fieldNames(out)} />, kept);
};

/** The form's field names as a person reads them. */
const fieldNames = (r: Refusal): Refusal =>
  r.status === 'invalid'
    ? {
        ...r,
        issues: r.issues.map((i) => ({ ...i, path: { text: '意见内容', contact: '联系方式' }[i.path] ?? i.path })),
      }
    : r;

/** `GET /publicity/{year}/{kind}/{code}/thanks`: the thank-you page after a comment. */
export const commentThanksPage = async (ctx: Ctx) => {
  const found = await ctx.deps.public.publicity.lists.entry(ctx.params.year!, ctx.params.kind!, ctx.params.code!);
  if (!found) return NotPublic(ctx);
  const p = found.publicity;
  return ctx.render(
    '感谢您提出意见',
    <>
      <p role="status">
        您对“{found.entry.name}
        ”公示结果的意见已收到。评价部门将在公示期结束后进行调查核实，谢谢您对环保信用评价工作的监督。
      </p>
      <p>
        <a href={publicityPath(p)}>返回{publicityTitle(p)}</a>
      </p>
    </>,
  );
};
