import * as z from 'zod/mini';
import { API_OPERATIONS, type ApiOperation } from './operations.ts';

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod contracts the handlers
 * parse with. Each schema is converted by zod's own `z.toJSONSchema` (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1); named contracts (an `id` in zod's global registry) become components.
 * `zod-openapi` reads `zod/mini` schemas too, but pulls classic zod into the bundle (168 KB against
 * the 150 KB limit); this assembly keeps the function at 115 KB (docs/api.md §11).
 */
export type OpenApiDocument = {
  readonly openapi: '3.1.0';
  readonly info: Record<string, string>;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: { readonly schemas: Record<string, unknown>; readonly securitySchemes: Record<string, unknown> };
};

const REF = (id: string) => `#/components/schemas/${id}`;
const OPTIONS = { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', uri: REF } as const;

/** A schema as JSON Schema: a `$ref` when it is a named contract, else inline (without `$schema`). */
const jsonSchema = (schema: z.ZodMiniType): Record<string, unknown> => {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, OPTIONS) as Record<string, unknown>;
  return rest;
};

const errorBody = z.object({
  error: z.string(),
  reason: z.optional(z.string()),
  code: z.optional(z.string()),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
z.globalRegistry.add(errorBody, {
  id: 'Error',
  description: '错误：error 为中文说明；issues 逐项指明字段；reason、code 为供程序判断的稳定代码',
});

const REFUSALS: Record<number, string> = {
  400: '请求无效（issues 指明每个有问题的字段）',
  401: '身份无法确认（reason 指明原因，见 docs/authorization.md）',
  403: '无权执行（不在管辖范围或职责内）',
  404: '未找到',
  409: '冲突（code 指明原因）',
  422: '不符合条件（reasons 逐条说明）',
  503: '暂不可用，请稍后重试',
};

const SECURITY: Record<ApiOperation['security'], readonly Record<string, never[]>[]> = {
  staff: [{ staffToken: [] }],
  optional: [{}, { staffToken: [] }],
  webhook: [{ webhookSignature: [] }],
  none: [],
};

const parameters = (where: 'path' | 'query' | 'header', object: z.ZodMiniObject | undefined) =>
  Object.entries(object?.def.shape ?? {}).map(([name, schema]) => {
    const s = jsonSchema(schema as z.ZodMiniType);
    const optional = (schema as z.ZodMiniType)._zod.optin === 'optional';
    return {
      name,
      in: where,
      required: where === 'path' || !optional,
      ...(typeof s.description === 'string' ? { description: s.description } : {}),
      schema: s,
    };
  });

const operationOf = (op: ApiOperation) => {
  const hasInput = op.pathParams !== undefined || op.query !== undefined || op.body !== undefined;
  const refusals = [...(hasInput ? [400] : []), ...(op.security === 'none' ? [] : [401]), ...op.refusals];
  const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
  return {
    operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    description: `docs/api.md §${op.section}`,
    security: SECURITY[op.security],
    parameters: [
      ...parameters('path', op.pathParams),
      ...parameters('query', op.query),
      ...parameters('header', op.headers),
    ],
    ...(op.body ? { requestBody: { required: true, content: json(jsonSchema(op.body)) } } : {}),
    responses: {
      [String(op.ok.status)]: { description: op.ok.description, content: json({ type: 'object' }) },
      ...Object.fromEntries(
        refusals.map((s) => [String(s), { description: REFUSALS[s]!, content: json({ $ref: REF('Error') }) }]),
      ),
    },
  };
};

export const openApiDocument = (): OpenApiDocument => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationOf(op) };
  const named = z.toJSONSchema(z.globalRegistry, OPTIONS).schemas;
  const schemas = Object.fromEntries(Object.entries(named).map(([id, { $schema: _, $id: __, ...s }]) => [id, s]));
  return {
    openapi: '3.1.0',
    info: {
      title: '内蒙古自治区环保信用评价系统 API',
      version: '1',
      description:
        'Environmental credit evaluation of the Inner Mongolia Autonomous Region. Prose and examples: docs/api.md; who may call what: docs/authorization.md.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: '工作人员令牌（role，以及 league 或 subject）',
        },
        webhookSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'webhook-signature',
          description: 'Standard Webhooks 签名（另需 webhook-id、webhook-timestamp）',
        },
      },
    },
  };
};
