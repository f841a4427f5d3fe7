import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { header, rawBody } from '../../shared/http.ts';

/**
 * A page request as the pages read it: the path, the query, the form fields of a POST, the cookies
 * and the few headers a page needs. Built once from the API Gateway v2 event (the same event the
 * local runtime makes), so no page looks at the event itself.
 */
export interface WebRequest {
  readonly method: 'GET' | 'POST' | string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Fields of an `application/x-www-form-urlencoded` POST (the last value of a repeated field wins). */
  readonly form: Readonly<Record<string, string>>;
  /** Every value of a repeated form field, in order (check boxes). */
  readonly formAll: Readonly<Record<string, readonly string[]>>;
  readonly cookies: Readonly<Record<string, string>>;
  /** The raw body (multipart uploads are read from it). */
  readonly body: Buffer;
  readonly contentType: string;
  /** `Origin` of a POST, when the browser sent one (checked with the CSRF token). */
  readonly origin: string | undefined;
  /** `https://host` of the site, for absolute links (sign-in redirects). */
  readonly siteOrigin: string;
  readonly requestId: string;
  /** The client's address as API Gateway saw it (never stored in clear: the comment form keys a hash of it). */
  readonly sourceIp?: string;
}

/** Longest form body read (evidence uploads are sent to storage directly, not through a form). */
export const MAX_FORM_BYTES = 256 * 1024;

/** Cookies of the request: API Gateway v2 passes them in `cookies`; a plain `Cookie` header too. */
export const cookiesOf = (event: APIGatewayProxyEventV2): Record<string, string> => {
  const pairs = event.cookies ?? (header(event, 'cookie') ?? '').split(';');
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      // A cookie that is not valid percent-encoding is not one of ours: ignored.
    }
  }
  return out;
};

const formOf = (body: Buffer, contentType: string) => {
  const form: Record<string, string> = {};
  const formAll: Record<string, string[]> = {};
  if (!contentType.startsWith('application/x-www-form-urlencoded') || body.length > MAX_FORM_BYTES)
    return { form, formAll };
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) {
    form[k] = v;
    const all = formAll[k] ?? [];
    all.push(v);
    formAll[k] = all;
  }
  return { form, formAll };
};

export const webRequestOf = (event: APIGatewayProxyEventV2): WebRequest => {
  const body = rawBody(event);
  const contentType = (header(event, 'content-type') ?? '').toLowerCase();
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(event.rawQueryString ?? '')) query[k] = v;
  const host = header(event, 'host') ?? event.requestContext.domainName;
  const local = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath,
    query,
    ...formOf(body, contentType),
    cookies: cookiesOf(event),
    body,
    contentType,
    origin: header(event, 'origin'),
    siteOrigin: `${local ? 'http' : 'https'}://${host}`,
    requestId: event.requestContext.requestId,
    sourceIp: event.requestContext.http.sourceIp,
  };
};
