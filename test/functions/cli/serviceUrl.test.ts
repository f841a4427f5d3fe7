import { describe, expect, it } from 'vitest';
import { serviceUrl, unreachable } from '../../../functions/cli/serviceUrl.ts';

describe('where a command finds the service', () => {
  it('--url first, then ECOCREDIT_URL, then PORT on this machine, then port 3000', () => {
    const env = { ECOCREDIT_URL: 'https://api.example.cn/', PORT: '4100' };
    expect(serviceUrl('http://10.0.0.5:8080/', env)).toEqual({ url: 'http://10.0.0.5:8080', from: '--url 参数' });
    expect(serviceUrl(undefined, env)).toEqual({ url: 'https://api.example.cn', from: '环境变量 ECOCREDIT_URL' });
    expect(serviceUrl(undefined, { PORT: '4100' })).toEqual({
      url: 'http://127.0.0.1:4100',
      from: '环境变量 PORT=4100',
    });
    expect(serviceUrl(undefined, {})).toEqual({ url: 'http://127.0.0.1:3000', from: '默认端口 3000' });
  });

  it('an unreachable service: the URL, where it came from, the cause and how to change it', () => {
    const err = unreachable(
      serviceUrl(undefined, { PORT: '4100' }),
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    );
    expect(err.message).toContain('无法连接 http://127.0.0.1:4100（地址取自环境变量 PORT=4100；ECONNREFUSED）');
    expect(err.message).toContain('--url 地址、环境变量 ECOCREDIT_URL 或 PORT');
  });
});
