import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { SUBJECT_KINDS } from '../../domain/catalogue/kinds.ts';
import { subjectIdProblem } from '../../domain/identifiers/subjectId.ts';
import { textProblem } from '../../domain/records/bounds.ts';
import { type InputIssue, validate } from '../../domain/validation.ts';
import type { TokenRefusal } from '../ports/identity.ts';
import { type Invalid, invalid, type Outcome, ok, type Refusal } from './errors.ts';
import type { WebhookRefusal } from './webhookSignature.ts';

/** JSON responses of the HTTP API. Messages are Chinese; internals never leak to callers. */
export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const badRequest = (issues: readonly InputIssue[], error = '请求无效'): HttpResponse =>
  json(400, {
    error: `${error}：${issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；')}`,
    issues,
  });

export const errorResponse = (statusCode: number, error: string): HttpResponse => json(statusCode, { error });

/**
 * A request contract with what the OpenAPI document says of it (`id` makes it a named component;
 * `description` and `example` are shown; examples are checked against the schema by the tests).
 * Registered in zod's global registry, which `functions/openapi` reads.
 */
export const described = <S extends z.ZodMiniType>(schema: S, meta: z.core.GlobalMeta): S => {
  z.globalRegistry.add(schema as z.ZodMiniType, meta);
  return schema;
};

/** A request part (body, path or query parameters) parsed with its contract, or the 400 naming each field. */
export const parseWith = <S extends z.ZodMiniType>(schema: S, input: unknown): Outcome<z.infer<S>, Invalid> => {
  const v = validate(schema, input);
  return v.ok ? ok(v.value) : invalid(v.issues);
};

/**
 * Several request parts parsed at once (e.g. `{ path: [cyclePath, event.pathParameters], body:
 * [recordActRequest, body] }`): every part's value, or one 400 naming every bad field of them all.
 */
export const parseRequest = <P extends Record<string, readonly [z.ZodMiniType, unknown]>>(
  parts: P,
): Outcome<{ [K in keyof P]: z.infer<P[K][0]> }, Invalid> => {
  const values: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  for (const [name, [schema, input]] of Object.entries(parts)) {
    const v = validate(schema, input);
    if (v.ok) values[name] = v.value;
    else issues.push(...v.issues);
  }
  return issues.length > 0 ? invalid(issues) : ok(values as { [K in keyof P]: z.infer<P[K][0]> });
};

/** What a route says in its own words for 403 and 404 (the rest of the wording is shared). */
export interface RefusalWording {
  readonly forbidden?: string;
  readonly notFound?: string;
}

export const DEFAULT_WORDING = {
  forbidden: '无权执行该操作（不在管辖范围内）',
  notFound: '未找到所请求的资源',
} as const satisfies Required<RefusalWording>;

/**
 * The one mapping of refusals to HTTP: unauthorized 401 (with the token table's message and
 * `reason`), forbidden 403, invalid 400 naming the fields, notFound 404, conflict 409 with its
 * stable `code`. Every HTTP handler answers a refusal through here.
 */
export const refusalResponse = (refusal: Refusal, wording: RefusalWording = {}): HttpResponse => {
  switch (refusal.status) {
    case 'unauthorized':
      return tokenUnauthorized(refusal.reason);
    case 'forbidden':
      return errorResponse(403, wording.forbidden ?? DEFAULT_WORDING.forbidden);
    case 'invalid':
      return badRequest(refusal.issues);
    case 'notFound':
      return errorResponse(404, wording.notFound ?? DEFAULT_WORDING.notFound);
    case 'conflict':
      return json(409, { error: refusal.message, code: refusal.code });
  }
};

/** A use case's outcome as a response: `ok` maps its value, every refusal goes through `refusalResponse`. */
export const respond = <V>(
  outcome: Outcome<V>,
  onOk: (value: V) => HttpResponse,
  wording?: RefusalWording,
): HttpResponse => (outcome.status === 'ok' ? onOk(outcome.value) : refusalResponse(outcome, wording));

/**
 * The 401 wording, one table for every route (docs/authorization.md). Each message says which check
 * failed and what to do, and never echoes a secret, a signature, a token or what was expected of it.
 */
export const UNAUTHORIZED_MESSAGES = {
  webhook: {
    'unknown-source': '推送来源未登记：该来源没有登记的签名密钥',
    'missing-headers': '缺少签名请求头：webhook-id、webhook-timestamp、webhook-signature 须齐全',
    'bad-timestamp': '签名时间戳无效：webhook-timestamp 须为 Unix 时间（秒）',
    'stale-timestamp': '签名时间戳已过期：webhook-timestamp 与服务器时间相差超过 5 分钟',
    'bad-signature': '签名无效：webhook-signature 与该来源的密钥及请求内容不符',
    'bad-secret': '无法验证签名：该来源的签名密钥配置有误，请联系系统管理员',
  },
  token: {
    missing: '缺少工作人员令牌：请在 Authorization 请求头中提供 Bearer 令牌',
    malformed: '令牌格式无效：Authorization 请求头须为“Bearer <令牌>”',
    'bad-signature': '令牌签名无效：不是本系统认可的身份认证服务签发的令牌',
    expired: '令牌已过期：请重新登录或重新签发令牌',
    'not-yet-valid': '令牌尚未生效（nbf）：请检查签发时间',
    'wrong-issuer': '令牌签发者（iss）不是本系统认可的身份认证服务',
    'wrong-audience': '令牌受众（aud）不是本系统',
    'no-expiry': '令牌缺少有效期（exp）：不接受永不过期的令牌',
    'lifetime-too-long': '令牌有效期超过 12 小时：请签发有效期更短的令牌',
    'bad-claims': '令牌缺少有效的角色声明（role，以及 league 或 subject）',
  },
} as const satisfies { webhook: Record<WebhookRefusal, string>; token: Record<TokenRefusal | 'missing', string> };

/** 401 for a refused webhook delivery, saying which check failed (`reason` is a stable code). */
export const webhookUnauthorized = (reason: string): HttpResponse => {
  const key = (Object.hasOwn(UNAUTHORIZED_MESSAGES.webhook, reason) ? reason : 'bad-signature') as WebhookRefusal;
  return json(401, { error: UNAUTHORIZED_MESSAGES.webhook[key], reason: key });
};

/** 401 for a missing or refused staff token, saying which check failed (`reason` is a stable code). */
export const tokenUnauthorized = (reason: TokenRefusal | 'missing'): HttpResponse =>
  json(401, { error: UNAUTHORIZED_MESSAGES.token[reason], reason });

/** Longest `x-reason` kept in an audit entry, in characters once decoded. */
export const MAX_REASON_CHARS = 500;

/**
 * An optional free-text header sent percent-encoded (UTF-8), e.g. `x-reason`: null when absent, the
 * decoded text, or the 400 naming the header when it is not printable ASCII, not valid
 * percent-encoded UTF-8, holds control characters (but tab and newline) or is longer than `maxChars` once decoded.
 */
export const encodedTextHeader = (
  event: APIGatewayProxyEventV2,
  name: string,
  maxChars = MAX_REASON_CHARS,
): { ok: true; value: string | null } | { ok: false; response: HttpResponse } => {
  const raw = header(event, name);
  if (raw === undefined || raw === '') return { ok: true, value: null };
  const refuse = (message: string) => ({ ok: false as const, response: badRequest([{ path: name, message }]) });
  if (!/^[\x20-\x7e]*$/.test(raw))
    return refuse(`请求头 ${name} 须为 URL 编码（百分号编码）的 UTF-8 文本，不能直接包含中文等非 ASCII 字符`);
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return refuse(`请求头 ${name} 不是有效的 URL 编码（百分号编码）UTF-8 文本`);
  }
  const problem = textProblem(value, true);
  if (problem !== null) return refuse(`请求头 ${name} ${problem}`);
  if ([...value].length > maxChars) return refuse(`请求头 ${name} 不能超过 ${maxChars} 个字符`);
  return { ok: true, value };
};

/** The raw body as sent (signatures are over the exact bytes). */
export const rawBody = (event: APIGatewayProxyEventV2): Buffer =>
  event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
};

/** Turns an unexpected failure into a 500 without leaking its message; logs it for operators. */
export const internalError = (
  err: unknown,
  log: (msg: string, extra: Record<string, unknown>) => void,
): HttpResponse => {
  log('unexpected failure', {
    error:
      err instanceof Error ? { name: err.name, message: err.message, cause: String(err.cause ?? '') } : String(err),
  });
  return errorResponse(500, '服务内部错误，请稍后重试');
};

/** The request body as JSON (null when empty), or the 400 to answer. */
export const jsonBody = (
  event: APIGatewayProxyEventV2,
): { ok: true; value: unknown } | { ok: false; response: HttpResponse } => {
  const raw = rawBody(event).toString('utf8');
  if (raw === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, response: badRequest([{ path: '', message: '请求体不是有效的 JSON' }]) };
  }
};

/**
 * `{kind}` and `{id}` of a subject's path (`/v1/subjects/{kind}/{id}…`): a subject kind and, for it,
 * a checksum-valid USCC or resident ID number, each problem naming its parameter.
 */
export const subjectPath = described(
  z
    .object({
      kind: described(z.enum(SUBJECT_KINDS, { error: '主体类型须为 enterprise、agency 或 practitioner' }), {
        description: '主体类型',
        example: 'enterprise',
      }),
      id: described(z.string(), {
        description: '统一社会信用代码（企业、机构）或公民身份号码（从业人员）',
        example: '91150100MA0000001A',
      }),
    })
    .check(
      z.superRefine((p, ctx) => {
        const problem = subjectIdProblem(p.kind, p.id);
        if (problem) ctx.issues.push({ code: 'custom', path: ['id'], message: problem, input: p.id });
      }),
    ),
  { description: '主体' },
);

/** The problems of a `{kind}/{id}` path (naming `kind` or `id`); empty when it names a possible subject. */
export const subjectPathIssues = (kind: string, id: string): InputIssue[] => {
  const v = validate(subjectPath, { kind, id });
  return v.ok ? [] : v.issues;
};
