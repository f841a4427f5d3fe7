import { rotatingSigner } from '../composition/rotatingSigner.ts';
import { composeWebExports, type WebExportEdges } from '../composition/webExports.ts';

/**
 * `webExports`: the site's Excel downloads (`/exports/…`, docs/web.md) over HTTPS, with the pages'
 * session cookie (the same key, so a signed-in bureau downloads without signing in again).
 */
export const createWebExportsHandler = (e: WebExportEdges, sessionSecret: () => Promise<string>) =>
  composeWebExports(e, { signer: rotatingSigner(sessionSecret), cookies: { secure: true } });
