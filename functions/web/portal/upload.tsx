import { type EvidenceType, MAX_EVIDENCE_BYTES } from '../../ports/evidenceStore.ts';
import { redirect, type WebResponse } from '../http/response.ts';
import { RefusalMessage } from '../ui/refusal.tsx';
import {
  EVIDENCE_TYPE_NAMES,
  evidenceProblem,
  FILE_FIELD,
  isEvidenceType,
  isOwnEvidenceKey,
  parseMultipart,
  sniffEvidenceType,
} from './evidence.ts';
import { type PortalContext, selfOf } from './self.ts';

/**
 * `POST /portal/evidence`: one evidence file, where the store's upload form posts it when the store
 * is a folder (the local runtime; on AWS browsers post to the bucket). The same fields as a bucket's
 * pre-signed POST (`key`, `Content-Type`, `success_action_redirect`, then `file`), the same limits,
 * and the type checked by the content: a refused file is not stored.
 */
export const uploadEvidence = async (ctx: PortalContext): Promise<WebResponse> => {
  const self = selfOf(ctx);
  if (self === null) return ctx.refuse({ status: 'forbidden' });
  const parts = parseMultipart(ctx.req.body, ctx.req.contentType);
  const field = (name: string) => parts?.find((p) => p.name === name);
  const key = field('key')?.data.toString('utf8') ?? '';
  const declared = field('Content-Type')?.data.toString('utf8') ?? '';
  const back = field('success_action_redirect')?.data.toString('utf8') ?? '';
  const file = field('file');
  // The key and the way back are the site's own (they come from the page's upload form).
  if (parts === null || !isOwnEvidenceKey(self, key) || !isEvidenceType(declared) || !isReturnPage(ctx, back))
    return ctx.refuse({ status: 'invalid', issues: [{ path: '', message: '上传表单无效，请返回申请页面重新上传' }] });
  const problem =
    file === undefined || file.fileName === undefined || file.fileName === ''
      ? `请选择要上传的${FILE_FIELD}`
      : (evidenceProblem({ size: file.data.length, head: file.data }) ?? mismatch(declared, file.data));
  if (problem !== null)
    return ctx.render(
      '上传证明材料',
      <>
        <RefusalMessage refusal={{ status: 'invalid', issues: [{ path: '', message: problem }] }} />
        <p>
          <a href={back}>返回申请页面</a>
        </p>
      </>,
      file !== undefined && file.data.length > MAX_EVIDENCE_BYTES ? 413 : 400,
    );
  await ctx.deps.portal.evidence.put(key, file!.data, declared);
  return redirect(`${back}${back.includes('?') ? '&' : '?'}key=${encodeURIComponent(key)}`);
};

const mismatch = (declared: EvidenceType, data: Buffer): string | null =>
  sniffEvidenceType(data) === declared
    ? null
    : `${FILE_FIELD}须为所选类型（${EVIDENCE_TYPE_NAMES[declared]}），文件内容与之不符`;

/** The portal pages an evidence upload may return to (each names its files in its own form). */
export const EVIDENCE_RETURN_PAGES: readonly string[] = [
  '/portal/repairs/apply',
  '/portal/confirmation',
  '/portal/practitioners/confirmation',
  '/portal/warnings/report',
];

const isReturnPage = (ctx: PortalContext, url: string): boolean =>
  EVIDENCE_RETURN_PAGES.some((page) => url.startsWith(`${ctx.req.siteOrigin}${page}?`)) && !/[\r\n]/.test(url);
