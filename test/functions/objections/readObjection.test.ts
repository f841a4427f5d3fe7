import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  agencyCaller,
  fileAgencyObjection,
  leagueCaller,
  objectionUseCasesOn,
  RECORD_A,
  seedConfirmation,
} from '../../support/objections.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** One objection for the console's review page: its limit and its disputed records as stored. */
let rt: LocalRuntime;
let u: ReturnType<typeof objectionUseCasesOn>;
let id = '';
beforeAll(async () => {
  rt = await startTestRuntime();
  await seedConfirmation(rt);
  u = objectionUseCasesOn(rt);
  id = await fileAgencyObjection(u, { preGrade: true });
}, 120_000);
afterAll(async () => rt?.stop());

describe('reading one objection', () => {
  it('gives its disputed records with the catalogue’s wording and the department that produced them', async () => {
    const out = await u.read.execute(leagueCaller(), id);
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.value.objection).toMatchObject({ id, preGrade: true, reviewBy: { article: 'Art 17(3)' } });
    expect(out.value.records[RECORD_A]).toMatchObject({
      wording: '在工作中因严重违反相关规定被生态环境主管部门通报或函告整改的',
      department: '150600-EEB',
    });
  });

  it('is read only by the league’s bureau or the region', async () => {
    expect(await u.read.execute(leagueCaller('150100'), id)).toEqual({ status: 'forbidden' });
    expect(await u.read.execute(agencyCaller(), id)).toEqual({ status: 'forbidden' });
    expect(await u.read.execute(leagueCaller(), `${id}0`)).toEqual({ status: 'notFound' });
  });
});
