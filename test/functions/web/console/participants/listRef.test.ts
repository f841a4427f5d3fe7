import { describe, expect, it } from 'vitest';
import {
  codeShown,
  detailText,
  listRefOf,
  listTitle,
} from '../../../../../functions/web/console/participants/listRef.ts';
import type { PageContext } from '../../../../../functions/web/router.ts';
import { residentId, uscc } from '../../../../support/builders.ts';

const ctxOf = (claims: { role: string; league?: string }, params = {}, query = {}) =>
  ({ session: { claims, displayName: '' }, params, req: { query } }) as unknown as PageContext<unknown>;
const ID = residentId(7, '150602');
const person = { kind: 'practitioner' as const, code: ID, league: '150600' as const };

describe('a list as the console pages name it', () => {
  it('takes the practitioners’ list beside the units’ lists', () => {
    const ref = listRefOf(ctxOf({ role: 'league', league: '150600' }, { year: '2026', kind: 'practitioner' }));
    expect(ref).toEqual({ ok: true, list: { year: 2026, kind: 'practitioner', league: '150600' } });
    expect(listTitle({ year: 2026, kind: 'practitioner', league: '150600' }, '鄂尔多斯市')).toBe(
      '2026年度相关从业人员参评名单（鄂尔多斯市）',
    );
    expect(listRefOf(ctxOf({ role: 'region' }, { year: '2026', kind: 'person' }, { league: '150600' }))).toMatchObject({
      status: 'invalid',
    });
  });

  it('shows a resident identity number whole to its league’s bureau only (Art 18(6))', () => {
    expect(codeShown(ctxOf({ role: 'league', league: '150600' }), person)).toBe(ID);
    expect(codeShown(ctxOf({ role: 'league', league: '150200' }), person)).toBe(`150602********${ID.slice(14)}`);
    expect(codeShown(ctxOf({ role: 'region' }), person)).toBe(`150602********${ID.slice(14)}`);
    const unit = { kind: 'agency' as const, code: uscc(5, '150600'), league: '150600' as const };
    expect(codeShown(ctxOf({ role: 'region' }), unit)).toBe(unit.code);
  });

  it('names a practitioner’s employer in its detail cell', () => {
    const entry = {
      ...person,
      name: '张三',
      basis: '6.6' as const,
      sites: [],
      categories: [],
      employer: { kind: 'agency' as const, code: uscc(5, '150600') },
    };
    expect(detailText(entry)).toBe(uscc(5, '150600'));
  });
});
