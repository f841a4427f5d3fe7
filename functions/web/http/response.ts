import type { HttpResponse } from '../../shared/http.ts';

/**
 * What a page answers. Every answer carries the security headers: a strict content security policy
 * (no inline script; styles and scripts only from the site), no framing, no MIME sniffing, no referrer
 * to other sites. Cookies go in `cookies` (API Gateway v2's way of setting several).
 */
export type WebResponse = HttpResponse & { cookies?: string[] };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export const htmlResponse = (statusCode: number, html: string, cookies: string[] = []): WebResponse => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS },
  body: html,
  ...(cookies.length > 0 ? { cookies } : {}),
});

/** After a form: see-other to the page that shows what it did (a reload never posts again). */
export const redirect = (location: string, cookies: string[] = []): WebResponse => ({
  statusCode: 303,
  headers: { location, ...SECURITY_HEADERS },
  body: '',
  ...(cookies.length > 0 ? { cookies } : {}),
});

/** A download (an Excel list): binary, named in Chinese (RFC 6266 `filename*`). */
export const download = (body: Buffer, contentType: string, fileName: string): WebResponse => ({
  statusCode: 200,
  headers: {
    'content-type': contentType,
    'content-disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    ...SECURITY_HEADERS,
  },
  body: body.toString('base64'),
  isBase64Encoded: true,
});

/** A static asset (the style sheet, the small script): cached, since its URL carries its hash. */
export const asset = (body: string, contentType: string): WebResponse => ({
  statusCode: 200,
  headers: {
    'content-type': contentType,
    ...SECURITY_HEADERS,
    'cache-control': 'public, max-age=31536000, immutable',
  },
  body,
});
