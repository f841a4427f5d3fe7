import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** `GET /v1/openapi.json`, served by the running service to anyone. */
let rt: LocalRuntime;
beforeAll(async () => {
  rt = await startTestRuntime();
});
afterAll(async () => rt?.stop());

describe('GET /v1/openapi.json', () => {
  it('serves the OpenAPI 3.1 document without a token, cacheable', async () => {
    const res = await fetch(`${rt.url}/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('public');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/cycles',
        '/v1/subjects/{kind}/{id}/score',
        '/v1/openapi.json',
        '/v1/cycles/{year}/{kind}/objections',
        '/v1/warnings/{eventId}/decision',
        '/v1/leagues/{league}/notices',
      ]),
    );
  });
});
