import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigurationError } from '../shared/errors.ts';

/**
 * The site's cookie key from its Secrets Manager secret, read through Powertools parameters and
 * cached for 5 minutes: a replaced key takes effect within that time (and signs everyone out).
 */
export class SecretsManagerSessionKey {
  private readonly provider: SecretsProvider;
  constructor(
    client: SecretsManagerClient,
    private readonly secretId: string,
    private readonly maxAgeSeconds = 300,
  ) {
    this.provider = new SecretsProvider({ awsSdkV3Client: client });
  }

  async secret(): Promise<string> {
    const raw = await this.provider.get(this.secretId, { maxAge: this.maxAgeSeconds });
    if (typeof raw !== 'string' || raw.length < 32)
      throw new ConfigurationError('the web session secret must be a SecretString of at least 32 characters');
    return raw;
  }
}
