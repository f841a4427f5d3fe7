import * as z from 'zod/mini';
import { AGENCY_CATEGORIES } from '../catalogue/kinds.ts';
import { isJurisdictionCode } from '../identifiers/leagues.ts';
import { subjectIdProblem } from '../records/creditRecord.ts';

/**
 * A subject as a bureau registers it (Art 6, 16(1), 17(1), 18(1)): enterprises with their sites
 * (one per discharge permit) and output shares, agencies with their Annex 2 categories,
 * practitioners with their employer.
 */
const name = z.string({ error: '名称须为字符串' }).check(
  z.minLength(1, { error: '名称不能为空' }),
  z.maxLength(200, { error: '名称不能超过200个字符' }),
);

const league = z.string({ error: '盟市代码须为字符串' }).check(
  z.refine((s) => isJurisdictionCode(s), { error: '盟市代码须为自治区12个盟市或自治区本级（150000）的行政区划代码' }),
);

/** I15: a subject under criminal investigation is outside the evaluation for that year. */
const suspension = z.object({
  reason: z.string({ error: '暂停评价原因须为字符串' }).check(z.minLength(1, { error: '暂停评价必须说明原因' })),
});

export const siteSchema = z.object({
  siteId: z.string({ error: '厂址编号须为字符串' }).check(
    z.minLength(1, { error: '厂址编号不能为空' }),
    z.maxLength(64, { error: '厂址编号不能超过64个字符' }),
  ),
  name: z.optional(z.nullable(name)),
  outputShare: z.optional(
    z.nullable(
      z.number({ error: '生产总值占比须为数字' }).check(
        z.gte(0, { error: '生产总值占比须在0到1之间' }),
        z.lte(1, { error: '生产总值占比须在0到1之间' }),
      ),
    ),
  ),
});

const common = {
  id: z.string({ error: '主体标识须为字符串' }),
  suspended: z.optional(z.nullable(suspension)),
  /** Art 32: did not file on time or truthfully → no incentives. */
  reportedLate: z.optional(z.boolean({ error: 'reportedLate 须为 true 或 false' })),
};

export const enterpriseSchema = z.object({
  kind: z.literal('enterprise'),
  name,
  league,
  sites: z.optional(z.array(siteSchema, { error: '厂址列表须为数组' })),
  ...common,
});

export const agencySchema = z.object({
  kind: z.literal('agency'),
  name,
  league,
  categories: z.array(z.enum(AGENCY_CATEGORIES, { error: '机构类别须为 treatment_om、monitoring、eia、it_om 或 investigation' })).check(
    z.minLength(1, { error: '第三方服务机构至少有一个机构类别' }),
  ),
  ...common,
});

export const practitionerSchema = z.object({
  kind: z.literal('practitioner'),
  name: z.optional(z.nullable(name)),
  league: z.optional(z.nullable(league)),
  employer: z.optional(
    z.nullable(
      z.object({
        kind: z.enum(['enterprise', 'agency'], { error: '工作单位类型须为 enterprise 或 agency' }),
        id: z.string({ error: '工作单位标识须为字符串' }),
      }),
    ),
  ),
  ...common,
});

export const subjectSchema = z
  .discriminatedUnion('kind', [enterpriseSchema, agencySchema, practitionerSchema], {
    error: '主体类型须为 enterprise、agency 或 practitioner',
  })
  .check(
    z.superRefine((s, ctx) => {
      const add = (path: PropertyKey[], message: string) => ctx.issues.push({ code: 'custom', path, message, input: s });
      const idProblem = subjectIdProblem(s.kind, s.id);
      if (idProblem) add(['id'], idProblem);
      if (s.kind === 'enterprise' && s.sites) {
        const seen = new Set<string>();
        s.sites.forEach((site, i) => {
          if (seen.has(site.siteId)) add(['sites', i, 'siteId'], `厂址编号重复：${site.siteId}`);
          seen.add(site.siteId);
        });
      }
      if (s.kind === 'agency' && new Set(s.categories).size !== s.categories.length) add(['categories'], '机构类别重复');
      if (s.kind === 'practitioner' && s.employer) {
        const p = subjectIdProblem(s.employer.kind, s.employer.id);
        if (p) add(['employer', 'id'], p);
      }
    }),
  );

export type Subject = z.infer<typeof subjectSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Practitioner = z.infer<typeof practitionerSchema>;
export type Site = z.infer<typeof siteSchema>;

export const subjectKey = (s: { kind: string; id: string }): string => `${s.kind}:${s.id}`;
