import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsManagerWebhookSecrets } from '../../adapters/webhookSecrets.ts';
import { requireEnv } from '../../shared/env.ts';

export const webhookSecrets = (): SecretsManagerWebhookSecrets =>
  new SecretsManagerWebhookSecrets(new SecretsManagerClient({}), requireEnv('webhookSecretsArn'));
