import * as z from 'zod/mini';
import { AGENCY_CATEGORIES } from '../catalogue/kinds.ts';
import { isJurisdictionCode } from '../identifiers/leagues.ts';
import {
  MAX_NAME_LENGTH,
  MAX_REASON_LENGTH,
  MAX_SITE_ID_LENGTH,
  MAX_SITES,
  MAX_SUBJECT_ID_LENGTH,
} from '../records/bounds.ts';
import { subjectIdProblem, text, validityOf } from '../records/creditRecord.ts';

/**
 * A subject as a bureau registers it (Art 6, 16(1), 17(1), 18(1)): enterprises with their sites
 * (one per discharge permit) and output shares, agencies with their Annex 2 categories,
 * practitioners with their employer.
 */
const name = text('名称', MAX_NAME_LENGTH);

const league = z
  .string({ error: '盟市代码须为字符串' })
  .check(
    z.refine((s) => isJurisdictionCode(s), { error: '盟市代码须为自治区12个盟市或自治区本级（150000）的行政区划代码' }),
  );

/** I15: a subject under criminal investigation is outside the evaluation for that year. */
const suspension = z.object({
  reason: text('暂停评价原因', MAX_REASON_LENGTH, { multiline: true }),
});

const siteSchema = z.object({
  siteId: text('厂址编号', MAX_SITE_ID_LENGTH),
  name: z.optional(z.nullable(name)),
  outputShare: z.optional(
    z.nullable(
      z
        .number({ error: '生产总值占比须为数字' })
        .check(z.gte(0, { error: '生产总值占比须在0到1之间' }), z.lte(1, { error: '生产总值占比须在0到1之间' })),
    ),
  ),
});

const subjectId = (what: string) =>
  z
    .string({ error: `${what}须为字符串` })
    .check(z.maxLength(MAX_SUBJECT_ID_LENGTH, { error: `${what}不能超过${MAX_SUBJECT_ID_LENGTH}个字符` }));

const common = {
  id: subjectId('主体标识'),
  suspended: z.optional(z.nullable(suspension)),
  /** Art 32: did not file on time or truthfully → no incentives. */
  reportedLate: z.optional(z.boolean({ error: 'reportedLate 须为 true 或 false' })),
};

const enterpriseSchema = z.object({
  kind: z.literal('enterprise'),
  name,
  league,
  sites: z.optional(
    z
      .array(siteSchema, { error: '厂址列表须为数组' })
      .check(z.maxLength(MAX_SITES, { error: `厂址不能超过${MAX_SITES}个` })),
  ),
  ...common,
});

const agencySchema = z.object({
  kind: z.literal('agency'),
  name,
  league,
  categories: z
    .array(z.enum(AGENCY_CATEGORIES, { error: '机构类别须为 treatment_om、monitoring、eia、it_om 或 investigation' }))
    .check(z.minLength(1, { error: '第三方服务机构至少有一个机构类别' })),
  ...common,
});

const practitionerSchema = z.object({
  kind: z.literal('practitioner'),
  name: z.optional(z.nullable(name)),
  league: z.optional(z.nullable(league)),
  employer: z.optional(
    z.nullable(
      z.object({
        kind: z.enum(['enterprise', 'agency'], { error: '工作单位类型须为 enterprise 或 agency' }),
        id: subjectId('工作单位标识'),
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
    z.superRefine(
      (s, ctx) => {
        // Every problem at once: these checks run beside the fields' own, on the fields that passed.
        const valid = validityOf(ctx.issues);
        const kindOk = s.kind === 'enterprise' || s.kind === 'agency' || s.kind === 'practitioner';
        if (!kindOk) return;
        const add = (path: PropertyKey[], message: string) =>
          ctx.issues.push({ code: 'custom', path, message, input: s });
        if (valid('id') && typeof s.id === 'string') {
          const idProblem = subjectIdProblem(s.kind, s.id);
          if (idProblem) add(['id'], idProblem);
        }
        if (s.kind === 'enterprise' && valid('sites') && Array.isArray(s.sites)) {
          const seen = new Set<string>();
          s.sites.forEach((site, i) => {
            if (seen.has(site.siteId)) add(['sites', i, 'siteId'], `厂址编号重复：${site.siteId}`);
            seen.add(site.siteId);
          });
        }
        if (
          s.kind === 'agency' &&
          valid('categories') &&
          Array.isArray(s.categories) &&
          new Set(s.categories).size !== s.categories.length
        )
          add(['categories'], '机构类别重复');
        if (s.kind === 'practitioner' && s.employer && valid('employer')) {
          const p = subjectIdProblem(s.employer.kind, s.employer.id);
          if (p) add(['employer', 'id'], p);
        }
      },
      {
        when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
      },
    ),
  );

export type Subject = z.infer<typeof subjectSchema>;
export type Enterprise = z.infer<typeof enterpriseSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Practitioner = z.infer<typeof practitionerSchema>;
export type Site = z.infer<typeof siteSchema>;

export const subjectKey = (s: { kind: string; id: string }): string => `${s.kind}:${s.id}`;
