import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectionReviewNoticeId } from '../../../domain/notices/objectionReview.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../../functions/adapters/dynamoNotices.ts';
import { DynamoObjections } from '../../../functions/adapters/dynamoObjections.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { uscc } from '../../support/builders.ts';
import {
  B_ENT,
  D_ENT,
  D_RECORD,
  PUBLICITY_OBJECTION,
  REVIEW_LEAGUE,
  REVIEW_YEAR,
  reviewOn,
  seedPublicityObjection,
  seedReview,
} from '../../support/review.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** The review group's decisions (Art 8; Art 16(4) 复核审定): with reasons, a change through the records. */
let rt: LocalRuntime;
const group = { type: 'staff' as const, claims: { role: 'reviewGroup' as const } };
const region = { type: 'staff' as const, claims: { role: 'region' as const, league: '150000' } };
const league = { type: 'staff' as const, claims: { role: 'league' as const, league: REVIEW_LEAGUE } };
const CYCLE = { year: REVIEW_YEAR, kind: 'enterprise' as const };

beforeAll(async () => {
  rt = await startTestRuntime();
  await seedReview(rt);
}, 120_000);
afterAll(async () => rt?.stop());

describe('the items for the review group', () => {
  it('lists the proposed D with its reason and report, not the proposed B; the region reads, a league does not', async () => {
    const out = await reviewOn(rt).list.execute(region, CYCLE);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.rows.map((r) => r.code)).toEqual([D_ENT.code]);
    expect(out.value.rows[0]).toMatchObject({
      reasons: ['proposedD'],
      reportVersion: 1,
      league: REVIEW_LEAGUE,
      decision: null,
    });
    expect(out.value).toMatchObject({ total: 1, decided: 0, undecided: 1 });
    expect((await reviewOn(rt).list.execute(league, CYCLE)).status).toBe('forbidden');
    expect((await reviewOn(rt).read.execute(group, { ...CYCLE, code: B_ENT.code })).status).toBe('notFound');
  });

  it('shows the entry as reported beside its live re-evaluation', async () => {
    const out = await reviewOn(rt).read.execute(group, { ...CYCLE, code: D_ENT.code });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.item.entry.grade).toBe('D');
    expect(out.value.live).toMatchObject({ grade: 'D' });
    expect(out.value).toMatchObject({ closedReason: null, mayDecide: true });
  });
});

describe('a decision', () => {
  it('is refused without reasons, naming the field, and nothing is stored', async () => {
    const out = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'changed', reasons: ' ', revoke: [D_RECORD] },
    );
    expect(out).toMatchObject({ status: 'invalid', issues: [{ path: 'reasons', message: '复核理由不能为空' }] });
    expect(await reviewOn(rt).reviews.decisions(CYCLE)).toEqual([]);
  });

  it('is the review group’s alone (Art 8): the region may not decide', async () => {
    const out = await reviewOn(rt).decide.execute(
      region,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'confirmed', reasons: '无误', revoke: [] },
    );
    expect(out.status).toBe('forbidden');
  });

  it('变更: revokes the record with the reasons, audited; the grade follows once applied', async () => {
    const reasons = '该行政许可撤销决定已被复议机关撤销';
    const out = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'changed', reasons, revoke: [D_RECORD] },
    );
    expect(out).toMatchObject({
      status: 'ok',
      value: { outcome: 'changed', revoked: [D_RECORD], decidedBy: 'staff:reviewGroup:150000' },
    });
    await rt.drain();
    const record = (await rt.store.loadRecords([D_RECORD])).get(D_RECORD);
    expect(record?.revokedOn).toBe('2026-05-20');
    const read = await reviewOn(rt).read.execute(group, { ...CYCLE, code: D_ENT.code });
    expect(read.status === 'ok' && read.value.live).toMatchObject({ grade: 'A' });
    expect(read.status === 'ok' && read.value.decision).toMatchObject({ outcome: 'changed', reasons });
    const audit = await reviewOn(rt).reviews.auditOf(CYCLE);
    expect(audit).toMatchObject([{ action: 'review.changed', why: reasons, actor: 'staff:reviewGroup:150000' }]);
    const list = await reviewOn(rt).list.execute(group, CYCLE);
    expect(list.status === 'ok' && list.value).toMatchObject({ decided: 1, undecided: 0 });
  });

  it('posted again changes nothing; another decision on the same item is refused', async () => {
    const again = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'changed', reasons: '该行政许可撤销决定已被复议机关撤销', revoke: [D_RECORD] },
    );
    expect(again.status).toBe('ok');
    const other = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: D_ENT.code },
      { outcome: 'confirmed', reasons: '维持', revoke: [] },
    );
    expect(other).toMatchObject({ status: 'conflict', code: 'ALREADY_DECIDED' });
    expect(await reviewOn(rt).reviews.auditOf(CYCLE)).toHaveLength(1);
  });
});

describe('变更 by correcting a record, answering the enterprise’s objection in publicity (Art 8, 16(3)-(4))', () => {
  const { C_ENT, C_RECORD: RECORD, correction } = PUBLICITY_OBJECTION;
  let objectionId: string;
  const decision = {
    outcome: 'changed' as const,
    reasons: '经调查核实，原记录的评价指标认定有误，予以更正',
    revoke: [],
    correct: [{ target: RECORD, correction }],
  };

  beforeAll(async () => {
    objectionId = await seedPublicityObjection(rt);
  });

  it('a correction the webhook would refuse is refused naming the field, and nothing is stored', async () => {
    const out = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: C_ENT.code },
      { ...decision, correct: [{ target: RECORD, correction: { ...correction, rule: 'NO_SUCH_RULE' } }] },
    );
    expect(out.status).toBe('invalid');
    expect(out.status === 'invalid' && out.issues.map((i) => i.path).join(' ')).toContain(`correct.${RECORD}.`);
    expect(await reviewOn(rt).reviews.decision(CYCLE, C_ENT.code)).toBeNull();
  });

  it('creates the corrected record, revokes the old one, and the objection is answered with a notice', async () => {
    const out = await reviewOn(rt).decide.execute(group, { ...CYCLE, code: C_ENT.code }, decision);
    expect(out).toMatchObject({
      status: 'ok',
      value: {
        outcome: 'changed',
        revoked: [],
        corrected: [{ target: RECORD, eventId: `${RECORD}.c1`, rule: 'HW_BASIC' }],
      },
    });
    await rt.drain();
    const records = await rt.store.loadRecords([RECORD, `${RECORD}.c1`]);
    expect(records.get(RECORD)?.revokedOn).toBe('2026-05-20');
    expect(records.get(`${RECORD}.c1`)).toMatchObject({
      rule: 'HW_BASIC',
      summary: correction.summary,
      revokedOn: null,
    });
    const doc = documentClient(rt.dynamo);
    const objection = await new DynamoObjections(doc, rt.tableName).objection(
      { kind: 'enterprise', id: C_ENT.code },
      objectionId,
    );
    expect(objection).toMatchObject({
      status: 'reviewed',
      reviewedBy: 'staff:reviewGroup:150000',
      reviews: [
        { target: RECORD, outcome: 'corrected', reasons: decision.reasons, correction: { eventId: `${RECORD}.c1` } },
      ],
    });
    const notice = await new DynamoNotices(doc, rt.tableName).notice(
      { kind: 'enterprise', id: C_ENT.code },
      objectionReviewNoticeId(objectionId),
    );
    expect(notice).toMatchObject({ kind: 'objectionReview', to: { kind: 'enterprise', id: C_ENT.code } });
    expect(notice?.body).toContain('更正');
  });

  it('posted again changes nothing more', async () => {
    const before = (await reviewOn(rt).reviews.auditOf(CYCLE)).length;
    expect((await reviewOn(rt).decide.execute(group, { ...CYCLE, code: C_ENT.code }, decision)).status).toBe('ok');
    await rt.drain();
    expect(await reviewOn(rt).reviews.auditOf(CYCLE)).toHaveLength(before);
    const records = await rt.store.loadRecords([`${RECORD}.c1`, `${RECORD}.c2`]);
    expect([...records.keys()]).toEqual([`${RECORD}.c1`]);
  });
});

describe('变更 by revoking a record disputed in publicity (Art 8, 16(3)-(4))', () => {
  const E_ENT = { code: uscc(954, REVIEW_LEAGUE), name: '鄂尔多斯市复核测试4号化工有限公司' };
  const RECORD = 'RV-REPORT-2';

  it('the enterprise’s notice names the revoked record by its catalogue wording', async () => {
    const objectionId = await seedPublicityObjection(rt, E_ENT, RECORD);
    const out = await reviewOn(rt).decide.execute(
      group,
      { ...CYCLE, code: E_ENT.code },
      { outcome: 'changed', reasons: '经调查核实，该执行报告已按时如实报送', revoke: [RECORD] },
    );
    expect(out.status).toBe('ok');
    const notice = await new DynamoNotices(documentClient(rt.dynamo), rt.tableName).notice(
      { kind: 'enterprise', id: E_ENT.code },
      objectionReviewNoticeId(objectionId),
    );
    expect(notice?.body).toContain(`信用信息“未如实填报排污许可证执行报告”（事件编号 ${RECORD}）`);
  });
});
