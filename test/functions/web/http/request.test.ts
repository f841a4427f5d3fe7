import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { cookiesOf, MAX_FORM_BYTES, webRequestOf } from '../../../../functions/web/http/request.ts';

const event = (o: Partial<APIGatewayProxyEventV2> & { method?: string; host?: string; type?: string }) =>
  ({
    rawPath: '/console',
    rawQueryString: '',
    headers: { host: o.host ?? 'credit.nmg.example', ...(o.type ? { 'content-type': o.type } : {}), ...o.headers },
    requestContext: { http: { method: o.method ?? 'GET' }, domainName: 'credit.nmg.example', requestId: 'r' },
    ...o,
  }) as unknown as APIGatewayProxyEventV2;

describe('a page request', () => {
  it('reads the fields of a form, every value of a repeated field, and Chinese text', () => {
    const body = Buffer.from('name=%E5%86%85%E8%92%99%E5%8F%A4&c=a&c=b').toString('base64');
    const r = webRequestOf(
      event({ method: 'POST', type: 'application/x-www-form-urlencoded', body, isBase64Encoded: true }),
    );
    expect(r.form).toEqual({ name: '内蒙古', c: 'b' });
    expect(r.formAll.c).toEqual(['a', 'b']);
  });

  it('reads no fields from a body that is not a form or is too big', () => {
    const big = `a=${'x'.repeat(MAX_FORM_BYTES)}`;
    expect(webRequestOf(event({ method: 'POST', type: 'application/x-www-form-urlencoded', body: big })).form).toEqual(
      {},
    );
    expect(webRequestOf(event({ method: 'POST', type: 'application/json', body: 'a=1' })).form).toEqual({});
  });

  it('reads cookies from API Gateway’s list or a Cookie header, skipping ones that are not valid encoding', () => {
    expect(cookiesOf(event({ cookies: ['a=1', 'b=%E4%B8%AD', 'bad=%E4'] }))).toEqual({ a: '1', b: '中' });
    expect(cookiesOf(event({ headers: { cookie: 'a=1; b=2' } }))).toEqual({ a: '1', b: '2' });
  });

  it('knows the site’s own origin: https when deployed, http on the local machine', () => {
    expect(webRequestOf(event({})).siteOrigin).toBe('https://credit.nmg.example');
    expect(webRequestOf(event({ host: '127.0.0.1:3000' })).siteOrigin).toBe('http://127.0.0.1:3000');
  });
});
