import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCommitments } from '../../../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../../../functions/adapters/dynamoDocument.ts';
import { DynamoCreditStore } from '../../../../functions/adapters/dynamoStore.ts';
import type { Caller } from '../../../../functions/shared/auth.ts';
import { AdjustableClock } from '../../../../functions/shared/clock.ts';
import { ALREADY_SIGNED, SignCommitment } from '../../../../functions/web/portal/signCommitment.ts';
import { ViewCommitment } from '../../../../functions/web/portal/viewCommitment.ts';
import { agency, enterprise, uscc } from '../../../support/builders.ts';
import { registerProfile } from '../../../support/store.ts';
import { freshTable } from '../../../support/table.ts';

let store: DynamoCreditStore;
let commitments: DynamoCommitments;
let sign: SignCommitment;
let view: ViewCommitment;
let destroy: () => void;
const clock = new AdjustableClock();
const ENT = { kind: 'enterprise' as const, id: uscc(81, '150600') };
const LAB = { kind: 'agency' as const, id: uscc(82, '150200') };
const NOBODY = { kind: 'enterprise' as const, id: uscc(83, '150600') };
const as = (s: { kind: 'enterprise' | 'agency'; id: string }): Caller => ({
  type: 'staff',
  claims: { role: s.kind, subject: s.id },
});
const signature = { signerName: '张三', signerRole: '董事长', agreed: true };

beforeAll(async () => {
  const fresh = await freshTable('sign-commitment');
  destroy = () => fresh.client.destroy();
  store = new DynamoCreditStore(fresh.client, fresh.table);
  commitments = new DynamoCommitments(documentClient(fresh.client), fresh.table);
  clock.freeze(new Date('2026-03-02T02:00:00Z'));
  sign = new SignCommitment(store, commitments, clock);
  view = new ViewCommitment(store, commitments, clock);
  const at = '2026-01-05T00:00:00Z';
  await registerProfile(store, enterprise({ id: ENT.id, name: '鄂尔多斯市清源化工有限公司', league: '150600' }), at);
  await registerProfile(store, agency({ id: LAB.id, name: '包头市清源环境监测有限公司', league: '150200' }), at);
});
afterAll(() => destroy?.());

describe('signing the credit commitment letter (Art 16(1), 17(1); Annex 4)', () => {
  it('refuses bad input naming each field in Chinese, and stores nothing', async () => {
    const r = await sign.execute(as(ENT), ENT, { signerName: '', signerRole: '董事长', agreed: false });
    expect(r.status).toBe('invalid');
    if (r.status !== 'invalid') return;
    expect(r.issues.map((i) => i.path)).toEqual(['法定代表人或主要负责人姓名', '本单位已阅读并承诺遵守上述承诺内容']);
    expect(await commitments.getCommitment(ENT, 2025)).toBeNull();
  });

  it('stores the letter made out to the unit, its SHA-256, the signer and the user, for the evaluation year', async () => {
    const r = await sign.execute(as(ENT), ENT, signature);
    expect(r.status).toBe('ok');
    const stored = await commitments.getCommitment(ENT, 2025);
    expect(stored).toMatchObject({
      subject: ENT,
      year: 2025,
      signerName: '张三',
      signerRole: '董事长',
      signedAt: '2026-03-02T02:00:00.000Z',
      signedBy: `staff:enterprise:${ENT.id}`,
    });
    expect(stored?.text).toContain('承诺单位：鄂尔多斯市清源化工有限公司');
    expect(stored?.text).toContain(`承诺单位统一社会信用代码：${ENT.id}`);
    expect(stored?.textHash).toBe(
      createHash('sha256')
        .update(stored?.text ?? '', 'utf8')
        .digest('hex'),
    );
    const audit = (await store.auditOf(ENT)).filter((e) => e.action === 'commitment.sign');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.what).toMatchObject({ year: 2025, textHash: stored?.textHash });
    const shown = await view.execute(as(ENT), ENT);
    expect(shown.status === 'ok' && shown.value.signed?.textHash).toBe(stored?.textHash);
  });

  it('refuses to sign the same year twice and keeps the first signature', async () => {
    const before = await commitments.getCommitment(ENT, 2025);
    clock.freeze(new Date('2026-03-03T02:00:00Z'));
    const r = await sign.execute(as(ENT), ENT, { ...signature, signerName: '李四' });
    expect(r).toEqual({ status: 'conflict', code: 'COMMITMENT_SIGNED', message: ALREADY_SIGNED });
    expect(await commitments.getCommitment(ENT, 2025)).toEqual(before);
    expect((await store.auditOf(ENT)).filter((e) => e.action === 'commitment.sign')).toHaveLength(1);
  });

  it('lets only the subject itself sign: another unit and a bureau are refused', async () => {
    expect(await sign.execute(as(LAB), ENT, signature)).toEqual({ status: 'forbidden' });
    const bureau: Caller = { type: 'staff', claims: { role: 'league', league: '150200' } };
    expect(await sign.execute(bureau, LAB, signature)).toEqual({ status: 'forbidden' });
    expect(await sign.execute({ type: 'public' }, LAB, signature)).toMatchObject({ status: 'unauthorized' });
    expect(await commitments.getCommitment(LAB, 2025)).toBeNull();
    expect(await view.execute(as(LAB), ENT)).toEqual({ status: 'forbidden' });
  });

  it('has no letter for a unit nobody registered', async () => {
    expect(await view.execute(as(NOBODY), NOBODY)).toEqual({ status: 'notFound' });
    expect(await sign.execute(as(NOBODY), NOBODY, signature)).toEqual({ status: 'notFound' });
  });
});
