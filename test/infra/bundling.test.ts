import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/bundles.ts';
import {
  BUNDLE_BUDGETS_KB,
  BUNDLING,
  bundleBudgetBytes,
  DEFAULT_BUNDLE_BUDGET_KB,
  esbuildOptions,
  MAX_BUNDLE_BYTES,
  NODE_OPTIONS,
} from '../../infra/bundling.ts';
import { FUNCTIONS, type HandlerName, ROUTES } from '../../infra/definitions.ts';

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

  it.each(NAMES)('%s is within its budget (150 KB unless given its own), with the SDK left out', async (name) => {
    const { bytes, inputs } = await bundleOf(name);
    expect([...inputs.keys()].some((input) => input.startsWith('npm:@aws-sdk/'))).toBe(false);
    const budget = bundleBudgetBytes(name);
    expect(bytes, `${name} is ${bytes} bytes, over its budget of ${budget} bytes`).toBeLessThanOrEqual(budget);
  });

  it('gives every function 150 KB unless it has a budget of its own, and no API function one', () => {
    expect(DEFAULT_BUNDLE_BUDGET_KB).toBe(150);
    expect(MAX_BUNDLE_BYTES).toBe(150_000);
    for (const name of NAMES)
      expect([name, bundleBudgetBytes(name)]).toEqual([name, (BUNDLE_BUDGETS_KB[name] ?? 150) * 1000]);
    const apiFunctions = new Set(ROUTES.map((r) => r.handler));
    expect(Object.keys(BUNDLE_BUDGETS_KB).filter((name) => apiFunctions.has(name as HandlerName))).toEqual([]);
  });

  it.each(NAMES)('%s imports only the AWS SDK clients of the services it is configured for', async (name) => {
    const env = FUNCTIONS[name].environment;
    const expected = [
      ...(env.includes('table') ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : []),
      ...(env.some((k) => k.endsWith('QueueUrl')) ? ['@aws-sdk/client-sqs'] : []),
      ...(env.includes('scheduleGroup') ? ['@aws-sdk/client-scheduler'] : []),
      ...(env.includes('webhookSecretsArn') || env.includes('webSessionSecretArn')
        ? ['@aws-sdk/client-secrets-manager']
        : []),
      ...(env.includes('evidenceBucket')
        ? ['@aws-sdk/client-s3', '@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner']
        : []),
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

  it.each([
    ['health', ['dynamoDocument.ts', 'dynamoSupport.ts']],
    ['ingestStuck', ['dynamoClaims.ts', 'dynamoDocument.ts', 'dynamoSupport.ts']],
    ['ingestSweeper', ['dynamoClaims.ts', 'dynamoDocument.ts', 'dynamoSupport.ts']],
    [
      'cyclesApi',
      [
        // The profiles (and their audit) register the listed units nobody registered yet.
        'dynamoAudit.ts',
        // `reviewConfirmed` needs every review item decided: the publicity comments, objections and decisions.
        'dynamoComments.ts',
        'dynamoCycleStore.ts',
        'dynamoDirectory.ts',
        'dynamoDocument.ts',
        // `published` and the practitioners' `resultsNotified` wait for the frozen final results (Art 16(5), 18(6)).
        'dynamoFinalResults.ts',
        // `reportSent` needs a complete league report, `regionReleased` a finished quality check.
        'dynamoLeagueReports.ts',
        'dynamoNotices.ts',
        'dynamoObjections.ts',
        'dynamoParticipants.ts',
        'dynamoProfiles.ts',
        'dynamoReviews.ts',
        'dynamoSupport.ts',
      ],
    ],
    // Opening a notice records its reading: the notices and nothing else.
    ['noticesApi', ['dynamoDocument.ts', 'dynamoNotices.ts', 'dynamoSupport.ts']],
  ] as const)('%s carries only the store adapters of the ports it uses', async (name, adapters) => {
    const carried = [...(await bundleOf(name)).inputs.keys()]
      .filter((input) => input.startsWith('functions/adapters/dynamo'))
      .map((input) => input.slice('functions/adapters/'.length));
    expect(carried.sort()).toEqual([...adapters]);
  });

  it.each([
    ['scoreLookup', ['dynamoClaims.ts', 'dynamoRepairs.ts', 'dynamoDirectory.ts', 'dynamoCycleStore.ts']],
    ['registerSubject', ['dynamoClaims.ts', 'dynamoPublished.ts', 'dynamoSnapshots.ts', 'dynamoRepairs.ts']],
    ['repairsApi', ['dynamoClaims.ts', 'dynamoSnapshots.ts', 'dynamoDirectory.ts']],
    ['rescoreWorker', ['dynamoClaims.ts', 'dynamoSnapshots.ts', 'dynamoCycleStore.ts']],
    ['deadline', ['dynamoClaims.ts', 'dynamoSubjects.ts', 'dynamoResults.ts', 'dynamoPublished.ts']],
    // The objections, the warnings and the notices are each their own function (docs/aws.md). The
    // bureau's objections read the disputed records without the subjects' writes; filing one reads the
    // live result without the record claim path, the notices or the subjects' writes.
    [
      'objectionsApi',
      ['dynamoWarnings.ts', 'dynamoSubjects.ts', 'dynamoResults.ts', 'dynamoPublished.ts', 'dynamoSnapshots.ts'],
    ],
    ['objectionFilingApi', ['dynamoWarnings.ts', 'dynamoSubjects.ts', 'dynamoClaims.ts', 'dynamoNotices.ts']],
    ['warningsApi', ['dynamoObjections.ts', 'dynamoParticipants.ts', 'dynamoLeagueReports.ts', 'dynamoReviews.ts']],
  ] as const)('%s carries no adapter of a port it does not use', async (name, absent) => {
    const carried = [...(await bundleOf(name)).inputs.keys()];
    expect(absent.filter((file) => carried.includes(`functions/adapters/${file}`))).toEqual([]);
  });

  it('says what imports each input of a bundle (npm run bench:bundles -- --why)', async () => {
    const { inputs, importers } = await bundleOf('health');
    const entry = FUNCTIONS.health.entry;
    expect([...inputs.keys()].filter((input) => input !== entry && !importers.get(input)?.length)).toEqual([]);
    expect(importers.get('functions/adapters/dynamoDocument.ts')).toEqual(['functions/composition/aws/dynamo.ts']);
  });

  it('keeps Chinese text as UTF-8 in the bundle, not as \\u escapes', async () => {
    const { build } = await import('esbuild');
    const result = await build(esbuildOptions('functions/health/main.ts'));
    const text = result.outputFiles![0]!.text;
    expect(text).toContain('服务暂不可用');
    expect(text).not.toMatch(/\\u670d/);
  });
});
