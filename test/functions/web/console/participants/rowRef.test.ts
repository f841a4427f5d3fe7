import { describe, expect, it } from 'vitest';
import { rowOfRef, rowRefOf } from '../../../../../functions/web/console/participants/rowRef.ts';
import { CookieSigner } from '../../../../../functions/web/session/session.ts';
import { residentId } from '../../../../support/builders.ts';

/** Art 18(6): forms name a practitioner's row by an opaque reference, resolved among the list's rows. */
const signer = new CookieSigner('a-test-secret-of-at-least-thirty-two-chars');
const other = new CookieSigner('another-secret-of-at-least-thirty-two-chars');
const list = { year: 2026, kind: 'practitioner' as const, league: '150600' as const };
const rows = [residentId(31, '150602'), residentId(32, '150602')].map((code) => ({ code }));

describe('row references of the participant list page', () => {
  it('carries no digit of the resident ID and names the same row on every page', () => {
    const ref = rowRefOf(signer, list, [rows[0]!.code]);
    expect(ref).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(ref).not.toContain(rows[0]!.code.slice(6, 14));
    expect(rowRefOf(signer, list, [rows[0]!.code])).toBe(ref);
    expect(rowRefOf(other, list, [rows[0]!.code])).not.toBe(ref); // under the site's secret, not a plain hash
  });

  it('resolves a reference to its row, and nothing for another list’s, a forged or an empty one', () => {
    const ref = rowRefOf(signer, list, [rows[1]!.code]);
    expect(rowOfRef(signer, list, ref, rows, (r) => [r.code])).toBe(rows[1]);
    expect(rowOfRef(signer, { ...list, league: '150200' }, ref, rows, (r) => [r.code])).toBeNull();
    expect(rowOfRef(signer, list, 'forged', rows, (r) => [r.code])).toBeNull();
    expect(rowOfRef(signer, list, '', rows, (r) => [r.code])).toBeNull();
  });
});
