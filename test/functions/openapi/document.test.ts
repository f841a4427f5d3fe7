import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../../../domain/validation.ts';
import { MAX_BATCH, MAX_REASON_CHARS, webhookBody } from '../../../functions/ingest-http/contracts.ts';
import { openApiDocument } from '../../../functions/openapi/document.ts';
import { API_OPERATIONS } from '../../../functions/openapi/operations.ts';
import { ROUTES } from '../../../infra/definitions.ts';

const doc = openApiDocument();
const metaOf = (schema: z.ZodMiniType) => {
  const inner = (schema as unknown as { def: { innerType?: z.ZodMiniType } }).def.innerType;
  return z.globalRegistry.get(schema) ?? (inner ? z.globalRegistry.get(inner) : undefined);
};
/** An object's example from its fields' examples (path, query or header parameters). */
const exampleOf = (object: z.ZodMiniObject): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(object.def.shape)
      .map(([k, s]) => [k, metaOf(s as z.ZodMiniType)?.example])
      .filter(([, v]) => v !== undefined),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route of infra/definitions.ts, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('routes behind the JWT authorizer ask for a staff token; public ones do not', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path]![r.method.toLowerCase()] as { security: Record<string, unknown>[] };
      expect(
        op.security.some((s) => 'staffToken' in s),
        `${r.method} ${r.path}`,
      ).toBe(r.auth !== 'none');
      expect(
        op.security.some((s) => Object.keys(s).length === 0),
        `${r.method} ${r.path}`,
      ).toBe(r.auth === 'optional');
    }
  });

  it('every path parameter of a route is a required parameter of its operation', () => {
    for (const r of ROUTES) {
      const op = doc.paths[r.path]![r.method.toLowerCase()] as {
        parameters: { name: string; in: string; required: boolean }[];
      };
      const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.required]),
        `${r.method} ${r.path}`,
      ).toEqual(names.map((n) => [n, true]));
    }
  });

  it('every example request validates against the contract its handler parses with', () => {
    let checked = 0;
    for (const op of API_OPERATIONS) {
      for (const object of [op.pathParams, op.query, op.headers]) {
        if (!object) continue;
        expect(validate(object, exampleOf(object)), `${op.method} ${op.path}`).toMatchObject({ ok: true });
        checked++;
      }
      if (op.body) {
        const example = metaOf(op.body)?.example;
        expect(example, `${op.method} ${op.path} has an example body`).toBeDefined();
        expect(validate(op.body, example), `${op.method} ${op.path}`).toMatchObject({ ok: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('names its request contracts as components, with the error shape every refusal answers', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'OpenCycleRequest',
        'RecordActRequest',
        'LoadCalendarRequest',
        'RegisterSubjectRequest',
        'RepairDecisionRequest',
        'Error',
      ]),
    );
    const refs = JSON.stringify(doc.paths).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('describes the webhook body from the envelope ingest-http parses with, its records as credit records', () => {
    type Variant = {
      properties: Record<
        string,
        { const?: string; maxItems?: number; items?: { $ref?: string }; anyOf?: { maxLength?: number }[] }
      >;
    };
    const variants = (doc.components.schemas.WebhookBody as { oneOf: Variant[] }).oneOf;
    const byType = Object.fromEntries(variants.map((v) => [v.properties.type!.const, v.properties]));
    expect(Object.keys(byType)).toEqual(['record.created', 'record.rectified', 'record.revoked', 'records.batch']);
    expect(byType['record.created']!.record).toEqual({ $ref: '#/components/schemas/CreditRecord' });
    expect(byType['records.batch']!.records).toMatchObject({
      maxItems: MAX_BATCH,
      items: { $ref: '#/components/schemas/CreditRecord' },
    });
    expect(byType['record.revoked']!.reason!.anyOf).toContainEqual(
      expect.objectContaining({ maxLength: MAX_REASON_CHARS }),
    );
    expect(doc.components.schemas.CreditRecord).toMatchObject({
      required: expect.arrayContaining(['eventId', 'subject', 'rule', 'occurredOn', 'league']),
    });
    const op = API_OPERATIONS.find((o) => o.path === '/v1/webhooks/{source}')!;
    expect(validate(webhookBody, metaOf(op.body!)?.example)).toMatchObject({ ok: true });
  });

  it('describes objections, credit warnings and notices with their request contracts and parameters', () => {
    type Param = { name: string; in: string; required: boolean };
    const params = (path: string, method: string) =>
      ((doc.paths[path]![method] as { parameters: Param[] }).parameters ?? []).map((p) => [p.name, p.in, p.required]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'FileObjectionRequest',
        'ReviewObjectionRequest',
        'IssueWarningRequest',
        'ReportRectificationRequest',
        'WarningDecisionRequest',
      ]),
    );
    expect(params('/v1/cycles/{year}/{kind}/objections', 'get')).toEqual([
      ['year', 'path', true],
      ['kind', 'path', true],
      ['league', 'query', false],
    ]);
    expect(params('/v1/leagues/{league}/notices', 'get')).toEqual([
      ['league', 'path', true],
      ['cursor', 'query', false],
      ['limit', 'query', false],
    ]);
    const review = doc.components.schemas.ReviewObjectionRequest as {
      properties: { reviews: { items: { properties: { outcome: { enum: string[] } } } } };
    };
    expect(review.properties.reviews.items.properties.outcome.enum).toEqual(['upheld', 'corrected', 'revoked']);
    // The unit reports, and the bureau decides, on the warning the path names: the body has no eventId.
    for (const id of ['ReportRectificationRequest', 'WarningDecisionRequest'])
      expect(Object.keys((doc.components.schemas[id] as { properties: object }).properties), id).not.toContain(
        'eventId',
      );
    const filing = API_OPERATIONS.find((o) => o.method === 'post' && o.path === '/v1/cycles/{year}/{kind}/objections')!;
    expect(validate(filing.body!, { records: [], reasons: 7 })).toMatchObject({
      ok: false,
      issues: [{ path: 'reasons', message: '异议理由须为字符串' }],
    });
  });

  it('docs/api.md lists every route, in the section the document cites', () => {
    const md = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    for (const op of API_OPERATIONS) {
      const section = md.split(/^## /m).find((s) => s.startsWith(`${op.section}. `));
      expect(section, `docs/api.md §${op.section}`).toBeDefined();
      expect(section, `${op.method.toUpperCase()} ${op.path} in docs/api.md §${op.section}`).toContain(
        `${op.method.toUpperCase()} ${op.path}`,
      );
    }
  });
});
