import { LOCAL_EVIDENCE_FILE_PATH } from '../../../ports/evidenceStore.ts';
import type { WebDeps } from '../../deps.ts';
import { download, redirect } from '../../http/response.ts';
import type { PageContext, WebRoute } from '../../router.ts';

/** The link the console's pages give for one evidence file. */
export const evidenceHref = (key: string): string => `/console/evidence?${new URLSearchParams({ key })}`;

const keyOf = (ctx: PageContext<WebDeps>): string => ctx.req.query.key ?? '';

/**
 * `GET /console/evidence?key=…`: an officer opens an evidence file — authorised, then sent to the
 * store's download link (a pre-signed GET on AWS; the streaming route below in the local runtime).
 */
const openEvidence = async (ctx: PageContext<WebDeps>) => {
  const got = await ctx.deps.console.evidenceFiles.link(ctx.caller, keyOf(ctx));
  return got.status === 'ok' ? redirect(got.value) : ctx.refuse(got, '证明材料');
};

/** `GET /console/evidence/file?key=…`: the file itself, authorised again, as an attachment. */
const streamEvidence = async (ctx: PageContext<WebDeps>) => {
  const got = await ctx.deps.console.evidenceFiles.file(ctx.caller, keyOf(ctx));
  return got.status === 'ok'
    ? download(got.value.body, got.value.contentType, got.value.fileName)
    : ctx.refuse(got, '证明材料');
};

/** Evidence files of repair applications, warning reports and objections (docs/console.md). */
export const evidenceConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/evidence', access: 'bureau', handle: openEvidence },
  { method: 'GET', path: LOCAL_EVIDENCE_FILE_PATH, access: 'bureau', handle: streamEvidence },
];
