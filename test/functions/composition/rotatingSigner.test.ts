import { describe, expect, it } from 'vitest';
import { rotatingSigner } from '../../../functions/composition/rotatingSigner.ts';

describe('the downloads’ session signer', () => {
  it('keeps one signer while the key stays, and signs with the new key once it rotates', async () => {
    let key = 'a'.repeat(32);
    const signer = rotatingSigner(async () => key);
    const first = await signer();
    expect(await signer()).toBe(first);
    const sealed = first.mac('session', 'x');
    key = 'b'.repeat(32);
    const second = await signer();
    expect(second).not.toBe(first);
    expect(second.mac('session', 'x')).not.toBe(sealed);
  });
});
