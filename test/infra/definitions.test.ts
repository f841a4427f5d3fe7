import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENV, type EnvKey } from '../../functions/shared/env.ts';
import { FUNCTIONS, type HandlerName, QUEUES, ROUTES } from '../../infra/definitions.ts';

/** A plausible value for every variable, so that a composition root can start with any of them. */
const VALUES: Record<EnvKey, string> = {
  table: 'ecocredit',
  recordsQueueUrl: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/ecocredit-records.fifo',
  recordsVisibilitySeconds: '60',
  rescoreQueueUrl: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/ecocredit-rescore',
  pushQueueUrl: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/ecocredit-push',
  webhookSecretsArn: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:webhooks',
  webSessionSecretArn: 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:web-session',
  jwtIssuer: 'https://id.nmg.example/realms/eco',
  jwtAudience: 'ecocredit',
  scheduleGroup: 'ecocredit-deadlines',
  schedulerRoleArn: 'arn:aws-cn:iam::123456789012:role/scheduler',
  deadlineFunctionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:ecocredit-deadline',
  deadlineDlqArn: 'arn:aws-cn:sqs:cn-north-1:123456789012:ecocredit-deadline-dlq',
  creditPlatformUrl: 'https://credit.nmg.example/push',
  evidenceBucket: 'ecocredit-evidence',
};

const original = process.env;
afterEach(() => {
  process.env = original;
});

/** Imports a function's composition root afresh and returns the ECOCREDIT_ variables its cold start read. */
const coldStartReads = async (name: HandlerName, env: Partial<Record<EnvKey, string>>): Promise<Set<string>> => {
  const reads = new Set<string>();
  const base: NodeJS.ProcessEnv = {
    ...original,
    AWS_REGION: 'cn-north-1',
    ...Object.fromEntries(Object.entries(env).map(([k, v]) => [ENV[k as EnvKey], v])),
  };
  for (const name of Object.values(ENV))
    if (!(Object.keys(env) as EnvKey[]).some((k) => ENV[k] === name)) delete base[name];
  process.env = new Proxy(base, {
    get(target, key) {
      if (typeof key === 'string' && key.startsWith('ECOCREDIT_')) reads.add(key);
      return Reflect.get(target, key);
    },
  });
  vi.resetModules();
  await import(/* @vite-ignore */ `../../${FUNCTIONS[name].entry}`);
  return reads;
};

const NAMES = Object.keys(FUNCTIONS) as HandlerName[];

describe('per-function settings', () => {
  it.each(NAMES)('%s reads at its cold start exactly the environment variables it is given', async (name) => {
    const declared = FUNCTIONS[name].environment;
    const reads = await coldStartReads(name, Object.fromEntries(declared.map((k) => [k, VALUES[k]])));
    expect([...reads].sort()).toEqual(declared.map((k) => ENV[k]).sort());
  });

  it('stops a cold start with a clear error when a required variable is missing', async () => {
    const { environment } = FUNCTIONS.ingestHttp;
    const without = Object.fromEntries(environment.filter((k) => k !== 'webhookSecretsArn').map((k) => [k, VALUES[k]]));
    await expect(coldStartReads('ingestHttp', without)).rejects.toThrow(
      /missing environment variable ECOCREDIT_WEBHOOK_SECRETS_ARN/,
    );
  });

  it('has every queue consumed by a function that exists, and every route served by one', () => {
    for (const q of QUEUES) expect(FUNCTIONS[q.consumer]).toBeDefined();
    for (const r of ROUTES) expect(FUNCTIONS[r.handler]).toBeDefined();
  });

  it('gives the deadline-scheduling grant to exactly the functions that read the scheduler settings', () => {
    for (const [name, f] of Object.entries(FUNCTIONS))
      expect([name, f.grants.deadlineSchedules === true]).toEqual([name, f.environment.includes('scheduleGroup')]);
  });
});
