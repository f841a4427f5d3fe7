import { describe, expect, it } from 'vitest';
import { sign, TIMESTAMP_TOLERANCE_SECONDS, verifySignature } from '../../../functions/shared/webhookSignature.ts';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const body = Buffer.from('{"test": 2432232314}');

describe('Standard Webhooks signatures (docs/api.md §2)', () => {
  it('matches the Standard Webhooks reference example', () => {
    // The specification's own test vector: id msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp 1614265330.
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('accepts a good signature among several, within the time window', () => {
    const ts = 1_800_000_000;
    const good = sign(secret, 'msg_1', ts, body);
    expect(
      verifySignature(
        secret,
        { id: 'msg_1', timestamp: String(ts), signature: `v1,AAAA ${good}` },
        body,
        ts + TIMESTAMP_TOLERANCE_SECONDS,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses a stale timestamp, a changed body, a missing header and a malformed secret', () => {
    const ts = 1_800_000_000;
    const sig = sign(secret, 'msg_1', ts, body);
    expect(
      verifySignature(
        secret,
        { id: 'msg_1', timestamp: String(ts), signature: sig },
        body,
        ts + TIMESTAMP_TOLERANCE_SECONDS + 1,
      ),
    ).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(
      verifySignature(secret, { id: 'msg_1', timestamp: String(ts), signature: sig }, Buffer.from('{}'), ts),
    ).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySignature(secret, { id: 'msg_2', timestamp: String(ts), signature: sig }, body, ts)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifySignature(secret, { id: 'msg_1', timestamp: String(ts) }, body, ts)).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
    expect(verifySignature('plain', { id: 'msg_1', timestamp: String(ts), signature: sig }, body, ts)).toEqual({
      ok: false,
      reason: 'bad-secret',
    });
  });

  it('tells a malformed timestamp from a stale one', () => {
    const ts = 1_800_000_000;
    const sig = sign(secret, 'msg_1', ts, body);
    expect(verifySignature(secret, { id: 'msg_1', timestamp: 'yesterday', signature: sig }, body, ts)).toEqual({
      ok: false,
      reason: 'bad-timestamp',
    });
    expect(verifySignature(secret, { id: 'msg_1', timestamp: '1e9', signature: sig }, body, ts)).toEqual({
      ok: false,
      reason: 'bad-timestamp',
    });
    expect(
      verifySignature(
        secret,
        { id: 'msg_1', timestamp: String(ts - TIMESTAMP_TOLERANCE_SECONDS - 1), signature: sig },
        body,
        ts,
      ),
    ).toEqual({ ok: false, reason: 'stale-timestamp' });
  });
});
