import type { EvidenceType, EvidenceUploadForm } from '../../ports/evidenceStore.ts';
import type { SubjectRef } from '../../ports/store.ts';
import type { WebResponse } from '../http/response.ts';
import {
  EVIDENCE_TYPE_NAMES,
  FILE_FIELD,
  isOwnEvidenceKey,
  newEvidenceKey,
  storedEvidenceProblem,
} from './evidence.ts';
import type { PortalContext } from './self.ts';

/**
 * One more evidence file on a portal form (a repair application, an objection, a rectification
 * report): the type chosen, the upload form the store gives for it, and the page it returns to with
 * the files uploaded so far. One file per upload; the page lists the files and posts their keys.
 */
const TYPES: readonly { readonly param: string; readonly type: EvidenceType }[] = [
  { param: 'pdf', type: 'application/pdf' },
  { param: 'jpeg', type: 'image/jpeg' },
  { param: 'png', type: 'image/png' },
];

export interface EvidenceUpload {
  /** The store's form, or null when no more files may be uploaded. */
  readonly form: EvidenceUploadForm | null;
  /** Where the file is posted: the bucket (AWS) or the site's own upload route with its CSRF token. */
  readonly action: string;
  /** The bucket's origin when the form posts there (the page's form-action policy must allow it). */
  readonly external: string | null;
  readonly type: (typeof TYPES)[number];
  /** The page with `files` uploaded and the type `param` chosen. */
  readonly pageWith: (files: readonly string[], param: string) => string;
  readonly files: readonly string[];
}

/** The upload of the next file, for a page at `pageWith(files, type)`; `allowed` false when no more may be added. */
export const prepareEvidenceUpload = async (
  ctx: PortalContext,
  self: SubjectRef,
  files: readonly string[],
  allowed: boolean,
  pageWith: (files: readonly string[], param: string) => string,
): Promise<EvidenceUpload> => {
  const type = TYPES.find((t) => t.param === ctx.req.query.type) ?? TYPES[0]!;
  const form = allowed
    ? await ctx.deps.portal.evidence.uploadForm({
        key: newEvidenceKey(self),
        contentType: type.type,
        redirect: `${ctx.req.siteOrigin}${pageWith(files, type.param)}`,
      })
    : null;
  const external = form && /^https?:\/\//.test(form.url) ? new URL(form.url).origin : null;
  const action = form ? (external ? form.url : `${form.url}?_csrf=${encodeURIComponent(ctx.csrf)}`) : '';
  return { form, action, external, type, pageWith, files };
};

/** The upload card: the type to choose, the file, 上传; or, when full, how many files are allowed. */
export const EvidenceUploadCard = ({ upload, full }: { upload: EvidenceUpload; full: string }) =>
  upload.form ? (
    <section class="card" aria-labelledby="upload-title">
      <h3 id="upload-title">上传证明材料</h3>
      <p>
        文件类型：
        {TYPES.map((t, n) => (
          <>
            {n > 0 ? ' | ' : null}
            {t.param === upload.type.param ? (
              <strong aria-current="true">{EVIDENCE_TYPE_NAMES[t.type]}</strong>
            ) : (
              <a href={upload.pageWith(upload.files, t.param)}>{EVIDENCE_TYPE_NAMES[t.type]}</a>
            )}
          </>
        ))}
      </p>
      <form method="post" action={upload.action} enctype="multipart/form-data">
        {Object.entries(upload.form.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="file">{`证明材料文件（${EVIDENCE_TYPE_NAMES[upload.type.type]}，不超过 10 MB）`}</label>
        <input id="file" name="file" type="file" accept={upload.type.type} required />
        <p>
          <button type="submit" class="secondary">
            上传
          </button>
        </p>
      </form>
    </section>
  ) : (
    <p class="muted">{full}</p>
  );

/** A page whose upload form posts to the bucket: its form-action policy allows the bucket's origin. */
export const allowingUpload = (page: WebResponse, upload: EvidenceUpload): WebResponse => {
  if (!upload.external) return page;
  const csp = String(page.headers?.['content-security-policy'] ?? '');
  return {
    ...page,
    headers: {
      ...page.headers,
      'content-security-policy': csp.replace("form-action 'self'", `form-action 'self' ${upload.external}`),
    },
  };
};

/**
 * Why an uploaded key named by a posted form is not taken (a refused file is removed); null when it
 * is a good file of this participant.
 */
export const checkStoredEvidence = async (
  ctx: PortalContext,
  self: SubjectRef,
  key: string,
): Promise<string | null> => {
  if (!isOwnEvidenceKey(self, key)) return `${FILE_FIELD}编号无效，请重新上传`;
  const stored = await ctx.deps.portal.evidence.describe(key);
  if (stored === null) return `${FILE_FIELD}未上传成功，请重新上传`;
  const problem = storedEvidenceProblem(stored);
  if (problem !== null) await ctx.deps.portal.evidence.remove(key);
  return problem;
};
