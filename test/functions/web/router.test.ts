import { describe, expect, it } from 'vitest';
import { admits, matcher, type WebRoute } from '../../../functions/web/router.ts';
import { startSession } from '../../../functions/web/session/session.ts';

const route = (method: 'GET' | 'POST', path: string): WebRoute<unknown> => ({
  method,
  path,
  access: 'anyone',
  handle: async () => ({ statusCode: 200, body: path }),
});

describe('page routes', () => {
  const find = matcher([
    route('GET', '/console/subjects/{kind}/{id}'),
    route('POST', '/console/acts'),
    route('GET', '/'),
  ]);

  it('matches a path with its parameters decoded', () => {
    const m = find('GET', '/console/subjects/enterprise/91150600MA0Q67890N');
    expect(m && 'route' in m ? m.params : null).toEqual({ kind: 'enterprise', id: '91150600MA0Q67890N' });
    const encoded = find('GET', '/console/subjects/enterprise/%E4%B8%AD');
    expect(encoded && 'route' in encoded ? encoded.params.id : null).toBe('中');
  });

  it('says a path known for another method only is not allowed, and an unknown path is not found', () => {
    expect(find('GET', '/console/acts')).toEqual({ methodNotAllowed: true });
    expect(find('GET', '/nowhere')).toBeNull();
    expect(find('GET', '/console/subjects/enterprise')).toBeNull();
  });

  it('treats a parameter that is not valid percent-encoding as not found', () => {
    expect(find('GET', '/console/subjects/enterprise/%E4%B8')).toBeNull();
  });

  it('admits bureau pages to region and league staff only, participant pages to enterprises and agencies only', () => {
    const as = (claims: Parameters<typeof startSession>[0]) => startSession(claims, '测试', 'dev', 1_800_000_000);
    const region = as({ role: 'region' });
    const league = as({ role: 'league', league: '150600' });
    const enterprise = as({ role: 'enterprise', subject: '91150600MA0Q67890N' });
    expect([admits('bureau', region), admits('bureau', league), admits('bureau', enterprise)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([admits('participant', region), admits('participant', enterprise)]).toEqual([false, true]);
    expect([admits('anyone', null), admits('signedIn', null), admits('bureau', null)]).toEqual([true, false, false]);
  });
});
