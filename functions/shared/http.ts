import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { InputIssue } from '../../domain/validation.ts';

/** JSON responses of the HTTP API. Messages are Chinese; internals never leak to callers. */
export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const badRequest = (issues: readonly InputIssue[], error = '请求无效'): HttpResponse =>
  json(400, { error: `${error}：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`, issues });

export const errorResponse = (statusCode: number, error: string): HttpResponse => json(statusCode, { error });

/** The raw body as sent (signatures are over the exact bytes). */
export const rawBody = (event: APIGatewayProxyEventV2): Buffer =>
  event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/** Turns an unexpected failure into a 500 without leaking its message; logs it for operators. */
export const internalError = (err: unknown, log: (msg: string, extra: Record<string, unknown>) => void): HttpResponse => {
  log('unexpected failure', { error: err instanceof Error ? { name: err.name, message: err.message, cause: String(err.cause ?? '') } : String(err) });
  return errorResponse(500, '服务内部错误，请稍后重试');
};

/** The request body as JSON (null when empty), or the 400 to answer. */
export const jsonBody = (event: APIGatewayProxyEventV2): { ok: true; value: unknown } | { ok: false; response: HttpResponse } => {
  const raw = rawBody(event).toString('utf8');
  if (raw === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, response: badRequest([{ path: '', message: '请求体不是有效的 JSON' }]) };
  }
};
