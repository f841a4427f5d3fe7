import * as z from 'zod/mini';
import { MAX_REASON_LENGTH, MAX_SUMMARY_LENGTH } from '../../domain/records/bounds.ts';
import { eventIdSchema, text } from '../../domain/records/creditRecord.ts';
import { EVIDENCE_KEY } from '../ports/evidenceStore.ts';
import { described } from '../shared/http.ts';

/** At most this many evidence files with one application. */
export const MAX_EVIDENCE_FILES = 10;

/**
 * The request bodies of the repairs routes (docs/api.md, Art 23–27), each field's problem named in
 * Simplified Chinese. Every text a person writes is bounded (docs/input-bounds.md): the evidence
 * like a record's summary, a decision's reason by `MAX_REASON_LENGTH`, so the audit item that keeps
 * it stays far below DynamoDB's item limit.
 */
const flag = (what: string, description: string) =>
  described(z.boolean({ error: `${what}须为 true 或 false` }), { description });

/** `POST /v1/subjects/{enterprise|agency}/{id}/repairs`: the record to repair and the evidence (Art 23 ¶2, 24, 27). */
export const repairApplicationBody = described(
  z.object({
    eventId: described(
      z.string({ error: '须指明申请修复的信用信息（eventId）' }).check(
        z.minLength(1, { error: '须指明申请修复的信用信息（eventId）' }),
        z.refine((s) => eventIdSchema.safeParse(s).success, {
          error: '申请修复的信用信息编号（eventId）须为1至128位字母、数字或 . _ : - 字符',
        }),
      ),
      { description: '申请修复的扣分信用信息的事件编号', example: 'NMG-ENF-2026-000123' },
    ),
    evidence: described(text('整改情况及证据（evidence）', MAX_SUMMARY_LENGTH, { multiline: true }), {
      description: '整改情况及证据',
      example: '已按要求建立环境管理台账并报送',
    }),
    impactEliminated: z.optional(
      flag('不良影响是否已消除（impactEliminated）', '不良影响已消除（扣50分及以上的信息须为 true，第二十七条）'),
    ),
    evidenceFiles: z.optional(
      described(
        z
          .array(
            z
              .string({ error: '证明材料文件（evidenceFiles）须为上传后得到的文件编号' })
              .check(z.regex(EVIDENCE_KEY, { error: '证明材料文件（evidenceFiles）须为上传后得到的文件编号' })),
            { error: '证明材料文件（evidenceFiles）须为文件编号的列表' },
          )
          .check(
            z.maxLength(MAX_EVIDENCE_FILES, { error: `证明材料文件（evidenceFiles）最多${MAX_EVIDENCE_FILES}个` }),
          ),
        { description: '已上传的证明材料文件的编号（PDF、JPEG 或 PNG，每个不超过 10 MB）' },
      ),
    ),
  }),
  { description: '企业、第三方服务机构的信用修复申请（第二十三条至第二十四条、第二十七条）' },
);
export type RepairApplicationBody = z.infer<typeof repairApplicationBody>;

/** `POST /v1/subjects/practitioner/{id}/repairs`: the rated year, the Annex 5 commitment and the contribution (Art 25–26). */
export const practitionerRepairApplicationBody = described(
  z.object({
    year: described(
      z
        .number({ error: '须指明被评定为环保失信个人的评价年度（year）' })
        .check(z.int({ error: '评价年度（year）须为整数' })),
      {
        description: '被评定为环保失信个人的评价年度',
        example: 2026,
      },
    ),
    commitmentSigned: flag('是否已签署信用承诺书（commitmentSigned）', '已签署信用承诺书（附件5）'),
    reportedViolationConfirmed: flag(
      '举报的环境违法行为是否查证属实（reportedViolationConfirmed）',
      '举报的环境违法行为经查证属实（第二十六条）',
    ),
    volunteerHoursMet: flag(
      '志愿服务时长是否达到要求（volunteerHoursMet）',
      '参加生态环境志愿服务达到要求（第二十六条）',
    ),
    evidence: described(text('突出表现及证据（evidence）', MAX_SUMMARY_LENGTH, { multiline: true }), {
      description: '突出表现及证据',
    }),
  }),
  { description: '相关从业人员的信用修复申请，由盟市生态环境局受理（第二十五条至第二十六条）' },
);
export type PractitionerRepairApplicationBody = z.infer<typeof practitionerRepairApplicationBody>;

/** `POST …/repairs/{applicationId}/decision`: approve (予以修复) or reject with the reason (不予修复, Art 23 ¶2). */
export const repairDecisionBody = described(
  z
    .object({
      decision: described(
        z.enum(['approve', 'reject'], { error: '决定（decision）须为 approve（予以修复）或 reject（不予修复）' }),
        {
          description: 'approve：予以修复；reject：不予修复',
          example: 'approve',
        },
      ),
      reason: z.optional(
        z.nullable(
          described(text('理由（reason）', MAX_REASON_LENGTH, { multiline: true }), {
            description: '理由（不予修复时必填）',
          }),
        ),
      ),
    })
    .check(
      z.superRefine((b, ctx) => {
        if (b.decision === 'reject' && (b.reason == null || b.reason.length === 0))
          ctx.issues.push({
            code: 'custom',
            path: ['reason'],
            message: '不予修复须告知理由（reason，第二十三条）',
            input: b.reason,
          });
      }),
    ),
  { description: '盟市生态环境局的核实决定（第二十三条）' },
);
export type RepairDecisionBody = z.infer<typeof repairDecisionBody>;
