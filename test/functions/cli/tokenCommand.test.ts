import { describe, expect, it } from 'vitest';
import { Hs256TokenVerifier } from '../../../functions/adapters/tokenVerifiers.ts';
import { UsageError } from '../../../functions/cli/io.ts';
import { runToken } from '../../../functions/cli/tokenCommand.ts';
import { collector } from '../../support/collect.ts';

const env = { ECOCREDIT_JWT_SECRET: 'local-secret-local-secret-local-secret' };

describe('ecocredit token', () => {
  it('prints a staff token with the claims asked for, verifiable with the local secret', async () => {
    const c = collector();
    await runToken(['--role', 'league', '--league', '150100'], c.out, env);
    const claims = await new Hs256TokenVerifier(env.ECOCREDIT_JWT_SECRET).verify(c.text().trim());
    expect(claims).toMatchObject({ role: 'league', league: '150100' });
  });

  it('refuses a wrong role, a league role without its league, and a missing secret, in Chinese', async () => {
    await expect(runToken(['--role', 'admin'], collector().out, env)).rejects.toThrow(UsageError);
    await expect(runToken(['--role', 'league'], collector().out, env)).rejects.toThrow(/--league/);
    await expect(runToken(['--role', 'agency'], collector().out, env)).rejects.toThrow(/--subject/);
    await expect(runToken(['--role', 'region'], collector().out, {})).rejects.toThrow(/ECOCREDIT_JWT_SECRET/);
  });

  it('issues tokens that expire, 12 hours by default and never later', async () => {
    const c = collector();
    await runToken(['--role', 'region'], c.out, env);
    const payload = JSON.parse(Buffer.from(c.text().trim().split('.')[1]!, 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(12 * 3600);
    const short = collector();
    await runToken(['--role', 'region', '--expires', '30m'], short.out, env);
    expect(await new Hs256TokenVerifier(env.ECOCREDIT_JWT_SECRET).verify(short.text().trim())).toMatchObject({
      role: 'region',
    });
  });

  it('refuses a lifetime over 12 hours or one it cannot read, naming --expires', async () => {
    await expect(runToken(['--role', 'region', '--expires', '13h'], collector().out, env)).rejects.toThrow(/--expires/);
    await expect(runToken(['--role', 'region', '--expires', '30d'], collector().out, env)).rejects.toThrow(UsageError);
    await expect(runToken(['--role', 'region', '--expires', 'soon'], collector().out, env)).rejects.toThrow(
      /--expires/,
    );
  });
});
