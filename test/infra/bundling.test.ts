import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/bundles.ts';
import { BUNDLING, esbuildOptions, MAX_BUNDLE_BYTES, NODE_OPTIONS, OVER_LIMIT_CEILINGS } from '../../infra/bundling.ts';
import { FUNCTIONS, type HandlerName } from '../../infra/definitions.ts';

const NAMES = Object.keys(FUNCTIONS) as HandlerName[];

/** Each bundle is built once for all the checks on it. */
const built = new Map<HandlerName, ReturnType<typeof bundleSize>>();
const bundleOf = (name: HandlerName) => built.get(name) ?? built.set(name, bundleSize(name)).get(name)!;

describe('function bundles (built in-process with the stack’s esbuild options)', () => {
  it('builds like the stack: minified ESM, UTF-8 text, the AWS SDK external, source maps used', () => {
    const o = esbuildOptions('functions/health/main.ts');
    expect(o).toMatchObject({
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      charset: 'utf8',
      external: ['@aws-sdk/*'],
    });
    expect(BUNDLING.sourceMap).toBe(true);
    expect(NODE_OPTIONS).toContain('--enable-source-maps');
  });

  it.each(NAMES)('%s is at most 150 KB (or its recorded ceiling while over), with the SDK left out', async (name) => {
    const { bytes, inputs } = await bundleOf(name);
    expect([...inputs.keys()].some((input) => input.startsWith('npm:@aws-sdk/'))).toBe(false);
    const ceiling = OVER_LIMIT_CEILINGS[name];
    if (ceiling === undefined) {
      expect(bytes, `${name} is ${bytes} bytes, over the ${MAX_BUNDLE_BYTES}-byte limit`).toBeLessThanOrEqual(
        MAX_BUNDLE_BYTES,
      );
    } else {
      expect(bytes, `${name} grew past its ceiling of ${ceiling} bytes`).toBeLessThanOrEqual(ceiling);
      expect(
        bytes,
        `${name} is under the limit now: take it off OVER_LIMIT_CEILINGS in infra/bundling.ts`,
      ).toBeGreaterThan(MAX_BUNDLE_BYTES);
    }
  });

  it.each(NAMES)('%s imports only the AWS SDK clients of the services it is configured for', async (name) => {
    const env = FUNCTIONS[name].environment;
    const expected = [
      ...(env.includes('table') ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : []),
      ...(env.some((k) => k.endsWith('QueueUrl')) ? ['@aws-sdk/client-sqs'] : []),
      ...(env.includes('scheduleGroup') ? ['@aws-sdk/client-scheduler'] : []),
      ...(env.includes('webhookSecretsArn') ? ['@aws-sdk/client-secrets-manager'] : []),
    ];
    expect([...(await bundleOf(name)).sdkImports].sort()).toEqual(expected.sort());
  });

  it.each([
    ['cyclesApi', []],
    ['deadline', ['functions/repairs/flagOverdueRepair.ts']],
    ['rescorePlanner', ['functions/repairs/flagOverdueRepair.ts']],
  ] as const)('%s carries of the repairs only the overdue flag of a repair deadline (Art 23)', async (name, ok) => {
    const repairs = [...(await bundleOf(name)).inputs.keys()].filter((input) => input.startsWith('functions/repairs/'));
    expect(repairs).toEqual(ok);
  });

  it('keeps Chinese text as UTF-8 in the bundle, not as \\u escapes', async () => {
    const { build } = await import('esbuild');
    const result = await build(esbuildOptions('functions/health/main.ts'));
    const text = result.outputFiles![0]!.text;
    expect(text).toContain('服务暂不可用');
    expect(text).not.toMatch(/\\u670d/);
  });
});
