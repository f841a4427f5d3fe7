import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  parseSecrets,
  SecretsManagerWebhookSecrets,
  StaticWebhookSecrets,
} from '../../../functions/adapters/webhookSecrets.ts';
import { ConfigurationError } from '../../../functions/shared/errors.ts';

const ARN = 'arn:aws:secretsmanager:cn-north-1:111122223333:secret:ecocredit/webhook-secrets-AbCdEf';
const secretsJson = (o: Record<string, string>) => JSON.stringify(o);

// Secrets Manager is an edge without a local peer: its client is mocked, nothing else.
const sm = mockClient(SecretsManagerClient);
const client = () =>
  new SecretsManagerClient({ region: 'cn-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

beforeEach(() => sm.reset());
afterEach(() => vi.useRealTimers());

describe('webhook secrets from Secrets Manager', () => {
  it('asks for the configured secret by its id, and nothing else', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_AAAA' }) });
    const secrets = new SecretsManagerWebhookSecrets(client(), ARN);
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_AAAA');
    const calls = sm.commandCalls(GetSecretValueCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({ SecretId: ARN });
  });

  it('an unknown source has no secret', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_AAAA' }) });
    expect(await new SecretsManagerWebhookSecrets(client(), ARN).secretFor('someone-else')).toBeUndefined();
  });

  it('reads the secret once per five minutes, then again (a rotated secret takes effect)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T02:00:00Z'));
    sm.on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_OLD' }) })
      .resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_NEW', 'nmg-permits': 'whsec_PERMITS' }) });
    const secrets = new SecretsManagerWebhookSecrets(client(), ARN);
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_OLD');
    vi.setSystemTime(new Date('2026-11-20T02:04:59Z'));
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_OLD');
    expect(await secrets.secretFor('nmg-permits')).toBeUndefined();
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-20T02:05:01Z'));
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_NEW');
    expect(await secrets.secretFor('nmg-permits')).toBe('whsec_PERMITS');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('a failed read is not cached: the next request reads again', async () => {
    sm.on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_AAAA' }) });
    const secrets = new SecretsManagerWebhookSecrets(client(), ARN);
    await expect(secrets.secretFor('nmg-enforcement')).rejects.toThrow(/throttled/);
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_AAAA');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('a secret that is not a JSON object of whsec_ values is a configuration error', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'plain-password' }) });
    await expect(new SecretsManagerWebhookSecrets(client(), ARN).secretFor('nmg-enforcement')).rejects.toThrow(
      ConfigurationError,
    );
    sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2, 3]) });
    await expect(new SecretsManagerWebhookSecrets(client(), ARN).secretFor('nmg-enforcement')).rejects.toThrow(
      ConfigurationError,
    );
  });

  it('takes a Powertools SecretsProvider as well as a client', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: secretsJson({ 'nmg-enforcement': 'whsec_AAAA' }) });
    const secrets = new SecretsManagerWebhookSecrets(new SecretsProvider({ awsSdkV3Client: client() }), ARN);
    expect(await secrets.secretFor('nmg-enforcement')).toBe('whsec_AAAA');
    expect(sm.commandCalls(GetSecretValueCommand)[0]!.args[0].input).toEqual({ SecretId: ARN });
  });
});

describe('webhook secrets given directly', () => {
  it('parses source → whsec_ pairs and refuses anything else', async () => {
    const parsed = parseSecrets(secretsJson({ a: 'whsec_A', b: 'whsec_B' }));
    expect(await new StaticWebhookSecrets(parsed).secretFor('b')).toBe('whsec_B');
    expect(() => parseSecrets('[]')).toThrow(ConfigurationError);
    expect(() => parseSecrets(secretsJson({ a: 'A' }))).toThrow(/a/);
  });
});
