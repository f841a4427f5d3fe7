import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { badRequest, type HttpResponse } from '../../functions/shared/http.ts';

/** Serves HTTP by turning each request into an API Gateway v2 event for the very same handlers. */
export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<HttpResponse>;

export interface LocalRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: HttpHandler;
}

/** A path parameter that is not valid percent-encoded UTF-8: answered 400 naming it, like API Gateway would refuse it. */
type Matched = { readonly params: Record<string, string> } | { readonly malformed: string };

const matcher = (template: string) => {
  const names: string[] = [];
  const re = new RegExp(
    `^${template.replace(/\{(\w+)(\+?)\}/g, (_, n: string, greedy: string) => {
      names.push(n);
      // `{proxy+}` (API Gateway's greedy parameter) takes the rest of the path.
      return greedy ? '(.+)' : '([^/]+)';
    })}$`,
  );
  return (path: string): Matched | null => {
    const m = re.exec(path);
    if (!m) return null;
    const params: Record<string, string> = {};
    for (const [i, n] of names.entries()) {
      try {
        params[n] = decodeURIComponent(m[i + 1]!);
      } catch {
        return { malformed: n };
      }
    }
    return { params };
  };
};

/** The request target as a URL, or null when it cannot be read as one. */
const requestUrl = (raw: string | undefined): URL | null => {
  const target = raw ?? '/';
  // Only origin-form targets ("/path?query"): "//host/..." or "http://..." would change the host.
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://local');
  } catch {
    return null;
  }
};

const MAX_REQUEST_BYTES = 10 * 1024 * 1024; // API Gateway's own limit; handlers enforce theirs.

const readBody = (req: IncomingMessage): Promise<Buffer | null> =>
  new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
    });
    req.on('end', () => res(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', rej);
  });

export const toApiGatewayEvent = (
  req: IncomingMessage,
  body: Buffer,
  routeKey: string,
  pathParameters: Record<string, string>,
): APIGatewayProxyEventV2 => {
  const url = requestUrl(req.url) ?? new URL('/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined && k.toLowerCase() !== 'cookie') headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  // API Gateway v2 passes cookies apart from the headers.
  const cookies = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    pathParameters,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
};

export const startHttpServer = async (
  routes: readonly LocalRoute[],
  port: number,
  onError: (err: unknown) => void,
): Promise<{ server: Server; url: string }> => {
  const compiled = routes.map((r) => ({ ...r, match: matcher(r.path) }));
  const server = createServer(async (req, res) => {
    // As API Gateway answers a v2 function response: `cookies` become Set-Cookie headers, a base64 body is decoded.
    const send = (r: HttpResponse & { cookies?: string[] }) => {
      const headers: Record<string, string | string[]> = { ...((r.headers ?? {}) as Record<string, string>) };
      if (r.cookies && r.cookies.length > 0) headers['set-cookie'] = r.cookies;
      res.writeHead(r.statusCode, headers);
      res.end(r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
    };
    try {
      const url = requestUrl(req.url);
      const body = await readBody(req);
      if (url === null) return send(badRequest([{ path: 'path', message: '请求路径无效' }]));
      if (body === null)
        return send({
          statusCode: 413,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ error: '请求体过大' }),
        });
      const candidates = compiled.map((r) => ({ r, matched: r.match(url.pathname) })).filter((x) => x.matched !== null);
      if (candidates.length === 0)
        return send({
          statusCode: 404,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ error: '未找到该接口' }),
        });
      const hit = candidates.find((x) => x.r.method === req.method);
      if (!hit)
        return send({
          statusCode: 405,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({ error: '不支持该请求方法' }),
        });
      const matched = hit.matched!;
      if ('malformed' in matched)
        return send(
          badRequest([
            {
              path: matched.malformed,
              message: `路径参数 ${matched.malformed} 不是有效的 URL 编码（百分号编码）UTF-8 文本`,
            },
          ]),
        );
      send(await hit.r.handler(toApiGatewayEvent(req, body, `${hit.r.method} ${hit.r.path}`, matched.params)));
    } catch (err) {
      onError(err);
      send({
        statusCode: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ error: '服务内部错误' }),
      });
    }
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(port, '127.0.0.1', () => res());
  });
  const actual = (server.address() as { port: number }).port;
  return { server, url: `http://127.0.0.1:${actual}` };
};
