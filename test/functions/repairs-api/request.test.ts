import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { repairRequestOf } from '../../../functions/repairs-api/request.ts';
import { uscc } from '../../support/builders.ts';

const event = (pathParameters: Record<string, string>, body?: string): APIGatewayProxyEventV2 =>
  ({ routeKey: 'POST /v1/subjects/{kind}/{id}/repairs', pathParameters, body, isBase64Encoded: false }) as never;

describe('a repairs request', () => {
  it('gives the subject of its path, its application id and its JSON body', () => {
    const id = uscc(5);
    expect(repairRequestOf(event({ kind: 'enterprise', id, applicationId: 'A-1' }, '{"eventId":"E-1"}'))).toEqual({
      ok: true,
      value: { ref: { kind: 'enterprise', id }, applicationId: 'A-1', body: { eventId: 'E-1' } },
    });
    expect(repairRequestOf(event({ kind: 'enterprise', id }))).toMatchObject({ ok: true, value: { body: null } });
  });

  it('answers 400 in Chinese for a body that is not JSON, and for a bad kind or identifier', () => {
    const notJson = repairRequestOf(event({ kind: 'enterprise', id: uscc(5) }, '{'));
    expect(notJson.ok || JSON.parse(notJson.response.body).error).toMatch(/请求体不是有效的 JSON/);
    for (const path of [
      { kind: 'company', id: uscc(5) },
      { kind: 'enterprise', id: '91150600MA0Q67890M' },
    ]) {
      const bad = repairRequestOf(event(path));
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.response.statusCode).toBe(400);
    }
  });
});
