import * as z from 'zod/mini';
import { appliesToKind, isBonusRule, ruleByCode } from '../catalogue/catalogue.ts';
import { SUBJECT_KIND_NAMES, SUBJECT_KINDS, type SubjectKind } from '../catalogue/kinds.ts';
import type { LegalDate } from '../dates.ts';
import { I18_WARNED_KINDS } from '../evaluation/creditWarning.ts';
import { isJurisdictionCode } from '../identifiers/leagues.ts';
import { subjectIdProblem } from '../identifiers/subjectId.ts';
import { type Validated, validate } from '../validation.ts';
import {
  MAX_CASE_NO_LENGTH,
  MAX_DEPARTMENT_LENGTH,
  MAX_FINE_YUAN,
  MAX_LEGAL_BASIS_LENGTH,
  MAX_RULE_CODE_LENGTH,
  MAX_SITE_ID_LENGTH,
  MAX_SUBJECT_ID_LENGTH,
  MAX_SUMMARY_LENGTH,
  textProblem,
} from './bounds.ts';
import { EVENT_ID_RE, eventIdSchema } from './eventId.ts';
import { legalDate } from './legalDate.ts';

/** The credit record of docs/api.md §1, with the cross-field rules of the catalogue. */

/** Kept apart (`legalDate.ts`, `eventId.ts`) for modules that need no record model. */
export { EVENT_ID_RE, eventIdSchema, legalDate };

const optionalDate = (what: string) => z.optional(z.nullable(legalDate(what)));

/**
 * A bounded text field (bounds.ts): not empty, at most `max` characters, no control characters or
 * lone surrogates; line breaks only where `multiline`.
 */
export const text = (what: string, max: number, { multiline = false, allowEmpty = false } = {}) =>
  z.string({ error: `${what}须为字符串` }).check(
    ...(allowEmpty ? [] : [z.minLength(1, { error: `${what}不能为空` })]),
    z.maxLength(max, { error: `${what}不能超过${max}个字符` }),
    z.superRefine((s: string, ctx) => {
      if (s.length > max) return;
      const p = textProblem(s, multiline);
      if (p) ctx.issues.push({ code: 'custom', message: `${what}${p}`, input: s });
    }),
  );

/** Why an identifier is refused, in the user's words (GB 32100-2015, GB 11643); kept apart for light callers. */
export { subjectIdProblem };

const subjectKindSchema = z.enum(SUBJECT_KINDS, { error: '主体类型须为 enterprise、agency 或 practitioner' });

const recordSubjectSchema = z.object({
  kind: subjectKindSchema,
  id: z
    .string({ error: '主体标识须为字符串' })
    .check(z.maxLength(MAX_SUBJECT_ID_LENGTH, { error: `主体标识不能超过${MAX_SUBJECT_ID_LENGTH}个字符` })),
  siteId: z.optional(z.nullable(text('厂址编号（排污许可证编号）', MAX_SITE_ID_LENGTH))),
});

const warningSchema = z.object({
  issuedOn: legalDate('预警通知日期'),
  deadline: legalDate('整改期限'),
});

const creditRecordShape = z.object({
  eventId: eventIdSchema,
  subject: recordSubjectSchema,
  rule: z
    .string({ error: '评价指标代码须为字符串' })
    .check(z.maxLength(MAX_RULE_CODE_LENGTH, { error: `评价指标代码不能超过${MAX_RULE_CODE_LENGTH}个字符` })),
  occurredOn: legalDate('发生日期'),
  department: text('信息产生部门', MAX_DEPARTMENT_LENGTH),
  league: z.string({ error: '盟市代码须为字符串' }).check(
    z.refine((s) => isJurisdictionCode(s), {
      error: '盟市代码须为自治区12个盟市或自治区本级（150000）的行政区划代码',
    }),
  ),
  fineYuan: z.optional(z.nullable(z.number({ error: '罚款金额须为数字' }))),
  clientEventId: z.optional(z.nullable(eventIdSchema)),
  legalBasis: z.optional(z.nullable(text('法律依据', MAX_LEGAL_BASIS_LENGTH, { multiline: true }))),
  caseNo: z.optional(z.nullable(text('案件编号', MAX_CASE_NO_LENGTH))),
  summary: z.optional(z.nullable(text('摘要', MAX_SUMMARY_LENGTH, { multiline: true, allowEmpty: true }))),
  warning: z.optional(z.nullable(warningSchema)),
  rectifiedOn: optionalDate('整改完成日期'),
  repairedOn: optionalDate('信用修复日期'),
  revokedOn: optionalDate('撤销日期'),
});

export type CreditRecordInput = z.infer<typeof creditRecordShape>;

/**
 * Cross-field rules of docs/api.md §1 and the catalogue. Each problem names its field. They run even
 * when some fields are wrong, so that every problem is reported at once: a check reads only fields
 * that passed their own checks (`valid`), and never names a field that already has a problem.
 */
const crossFieldChecks = (
  r: CreditRecordInput,
  valid: (field: string) => boolean,
  add: (path: PropertyKey[], message: string) => void,
): void => {
  const kind = valid('subject.kind') && valid('subject') ? r.subject.kind : undefined;
  if (kind !== undefined && valid('subject.id')) {
    const idProblem = subjectIdProblem(kind, r.subject.id);
    if (idProblem) add(['subject', 'id'], idProblem);
  }
  if (kind !== undefined && kind !== 'enterprise' && valid('subject.siteId') && r.subject.siteId != null)
    add(['subject', 'siteId'], '只有企事业单位的记录可以填写厂址编号');

  const occurredOn = valid('occurredOn') ? r.occurredOn : undefined;
  for (const f of ['rectifiedOn', 'repairedOn', 'revokedOn'] as const) {
    const v = r[f];
    if (occurredOn !== undefined && valid(f) && v != null && v < occurredOn)
      add([f], `${LIFECYCLE_NAMES[f]}不能早于发生日期`);
  }
  if (
    valid('repairedOn') &&
    valid('rectifiedOn') &&
    r.repairedOn != null &&
    r.rectifiedOn != null &&
    r.repairedOn < r.rectifiedOn
  )
    add(['repairedOn'], '信用修复日期不能早于整改完成日期');
  const warning = valid('warning') && valid('warning.issuedOn') && valid('warning.deadline') ? r.warning : undefined;
  if (warning) {
    if (occurredOn !== undefined && warning.issuedOn < occurredOn)
      add(['warning', 'issuedOn'], '预警通知日期不能早于发生日期');
    if (warning.deadline < warning.issuedOn) add(['warning', 'deadline'], '整改期限不能早于预警通知日期');
  }

  if (!valid('rule')) return;
  const rule = ruleByCode(r.rule);
  if (!rule) {
    add(['rule'], `未知的评价指标代码：${r.rule}`);
    return;
  }
  if (rule.derivedOnly) add(['rule'], `${r.rule} 由系统根据从业人员记录自动生成，不接受报送`);
  if (kind !== undefined && !appliesToKind(rule, kind)) add(['rule'], `评价指标 ${r.rule} 不适用于${kindName(kind)}`);

  // Annex 1 罚款, I7: the tier needs the amount; an amount on another rule is a mistake worth naming.
  if (valid('fineYuan')) {
    if (rule.requires === 'fineYuan') {
      if (r.fineYuan == null) add(['fineYuan'], '罚款记录（ENF_FINE）必须填写罚款金额（元）');
      else if (!Number.isFinite(r.fineYuan) || r.fineYuan <= 0) add(['fineYuan'], '罚款金额须为大于0的数字（元）');
      // bounds.ts: every accepted amount stays exact, in yuan and in fen.
      else if (r.fineYuan > MAX_FINE_YUAN) add(['fineYuan'], `罚款金额不能超过${MAX_FINE_YUAN}元（100亿元）`);
      else if (Math.abs(r.fineYuan * 100 - Math.round(r.fineYuan * 100)) > 1e-6)
        add(['fineYuan'], '罚款金额最多保留两位小数（分）');
    } else if (r.fineYuan != null) add(['fineYuan'], '只有罚款记录（ENF_FINE）填写罚款金额');
  }

  // Annex 2 "同委托单位" (I4): the agency's record points at the client's record.
  if (valid('clientEventId')) {
    if (rule.requires === 'clientEventId') {
      if (r.clientEventId == null)
        add(['clientEventId'], '“导致委托单位受到环保信用扣分”记录必须填写委托单位记录的事件编号（clientEventId）');
      else if (r.clientEventId === r.eventId) add(['clientEventId'], '委托单位记录不能是本记录自身');
    } else if (r.clientEventId != null) add(['clientEventId'], '只有 AG_CLIENT_DEDUCTED 记录填写委托单位记录编号');
  }

  // Art 14(3): "other cases that laws list as bad" must name the law.
  if (valid('legalBasis') && rule.requires === 'legalBasis' && r.legalBasis == null)
    add(['legalBasis'], '直接评定为环保不良（第十四条第三项）必须填写法律依据（legalBasis）');

  if (valid('warning') && r.warning != null) {
    // I18: Art 21-22 warn units (企事业单位、第三方服务机构); a practitioner is never warned.
    if (kind !== undefined && !I18_WARNED_KINDS.includes(kind))
      add(['warning'], '信用预警只适用于企事业单位和第三方服务机构，相关从业人员的记录不能附带信用预警（warning）');
    // Art 22: a credit warning announces a deduction that rectification in time avoids.
    else if (isBonusRule(rule)) add(['warning'], '加分记录不适用信用预警');
  }
};

const LIFECYCLE_NAMES = { rectifiedOn: '整改完成日期', repairedOn: '信用修复日期', revokedOn: '撤销日期' } as const;

const kindName = (k: SubjectKind): string => SUBJECT_KIND_NAMES[k];

/** True when `input` is a plain object, so that cross-field checks can look at its fields. */
const isObject = (input: unknown): boolean => typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * The field paths with a problem so far, and their parents and children: `valid('warning')` is
 * false when `warning.deadline` has a problem, and `valid('subject.id')` when `subject` has one.
 */
const ALL_VALID = (): boolean => true;

export const validityOf = (
  issues: readonly { readonly path?: readonly PropertyKey[] | undefined }[],
): ((field: string) => boolean) => {
  if (issues.length === 0) return ALL_VALID;
  const bad = issues.map((i) => (i.path ?? []).map(String).join('.'));
  return (field: string): boolean =>
    !bad.some((b) => b === field || b.startsWith(`${field}.`) || field.startsWith(`${b}.`) || b === '');
};

export const creditRecordSchema = creditRecordShape.check(
  z.superRefine(
    (r, ctx) => {
      crossFieldChecks(r, validityOf(ctx.issues), (path, message) =>
        ctx.issues.push({ code: 'custom', path, message, input: r }),
      );
    },
    // Every problem at once: run beside the fields' own problems, on any object.
    { when: (payload) => isObject(payload.value) },
  ),
);

/**
 * A credit record as the domain holds it: every field present, null when absent. One stable shape
 * keeps the evaluation of a million records fast (no per-shape property lookups) and the
 * comparison of two deliveries simple.
 */
export interface CreditRecord {
  readonly eventId: string;
  readonly subject: { readonly kind: SubjectKind; readonly id: string; readonly siteId: string | null };
  readonly rule: string;
  readonly occurredOn: LegalDate;
  readonly department: string;
  readonly league: string;
  readonly fineYuan: number | null;
  readonly clientEventId: string | null;
  readonly legalBasis: string | null;
  readonly caseNo: string | null;
  readonly summary: string | null;
  readonly warning: { readonly issuedOn: LegalDate; readonly deadline: LegalDate } | null;
  readonly rectifiedOn: LegalDate | null;
  readonly repairedOn: LegalDate | null;
  readonly revokedOn: LegalDate | null;
}

export const toCreditRecord = (r: CreditRecordInput): CreditRecord => ({
  eventId: r.eventId,
  subject: { kind: r.subject.kind, id: r.subject.id, siteId: r.subject.siteId ?? null },
  rule: r.rule,
  occurredOn: r.occurredOn,
  department: r.department,
  league: r.league,
  fineYuan: r.fineYuan ?? null,
  clientEventId: r.clientEventId ?? null,
  legalBasis: r.legalBasis ?? null,
  caseNo: r.caseNo ?? null,
  summary: r.summary ?? null,
  warning: r.warning ? { issuedOn: r.warning.issuedOn, deadline: r.warning.deadline } : null,
  rectifiedOn: r.rectifiedOn ?? null,
  repairedOn: r.repairedOn ?? null,
  revokedOn: r.revokedOn ?? null,
});

/** Validates one credit record (docs/api.md §1) and returns it in the domain's shape. */
export const parseCreditRecord = (input: unknown, prefix = ''): Validated<CreditRecord> => {
  const v = validate(creditRecordSchema, input, prefix);
  return v.ok ? { ok: true, value: toCreditRecord(v.value) } : v;
};

/**
 * The common case of a record, checked by hand, for files of a million records: returns the record
 * in the domain's shape when the input has the plain valid form (every field of its type and within
 * its bounds, every cross-field rule of the catalogue satisfied), and undefined for anything else —
 * which `parseCreditRecord` then examines, so that every problem is still named by the schema's own
 * messages. It accepts exactly what `creditRecordSchema` accepts, no more (the differential property
 * in test/domain/records/creditRecord.test.ts); being undefined more often only costs time.
 */
export const readValidCreditRecord = (input: unknown): CreditRecord | undefined => {
  if (!isPlainObject(input)) return undefined;
  const r = input as Record<string, unknown>;
  const eventId = r.eventId;
  if (typeof eventId !== 'string' || !EVENT_ID_RE.test(eventId)) return undefined;
  const subject = r.subject;
  if (!isPlainObject(subject)) return undefined;
  const s = subject as Record<string, unknown>;
  const kind = s.kind;
  if (kind !== 'enterprise' && kind !== 'agency' && kind !== 'practitioner') return undefined;
  if (typeof s.id !== 'string' || s.id.length > MAX_SUBJECT_ID_LENGTH) return undefined;
  if (!isOptionalText(s.siteId, MAX_SITE_ID_LENGTH, false, false)) return undefined;
  if (typeof r.rule !== 'string' || r.rule.length > MAX_RULE_CODE_LENGTH) return undefined;
  if (!isRecordDate(r.occurredOn)) return undefined;
  if (!isText(r.department, MAX_DEPARTMENT_LENGTH, false, false)) return undefined;
  if (typeof r.league !== 'string' || !isJurisdictionCode(r.league)) return undefined;
  const fineYuan = r.fineYuan;
  if (fineYuan != null && (typeof fineYuan !== 'number' || !Number.isFinite(fineYuan))) return undefined;
  const clientEventId = r.clientEventId;
  if (clientEventId != null && (typeof clientEventId !== 'string' || !EVENT_ID_RE.test(clientEventId)))
    return undefined;
  if (!isOptionalText(r.legalBasis, MAX_LEGAL_BASIS_LENGTH, true, false)) return undefined;
  if (!isOptionalText(r.caseNo, MAX_CASE_NO_LENGTH, false, false)) return undefined;
  if (!isOptionalText(r.summary, MAX_SUMMARY_LENGTH, true, true)) return undefined;
  const warning = r.warning;
  if (warning != null) {
    if (!isPlainObject(warning)) return undefined;
    const w = warning as Record<string, unknown>;
    if (!isRecordDate(w.issuedOn) || !isRecordDate(w.deadline)) return undefined;
  }
  if (!isOptionalDate(r.rectifiedOn) || !isOptionalDate(r.repairedOn) || !isOptionalDate(r.revokedOn)) return undefined;
  // Every field has its form: the catalogue's cross-field rules, the very ones the schema runs.
  const record = input as CreditRecordInput;
  let problem = false;
  crossFieldChecks(record, ALL_VALID, () => {
    problem = true;
  });
  return problem ? undefined : toCreditRecord(record);
};

/** What JSON.parse makes of `{...}`: an object of the plain kind, not an array or anything built otherwise. */
const isPlainObject = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** A bounded text field as `text()` checks it (bounds.ts). */
const isText = (v: unknown, max: number, multiline: boolean, allowEmpty: boolean): boolean =>
  typeof v === 'string' && (allowEmpty || v.length > 0) && v.length <= max && textProblem(v, multiline) === null;

const isOptionalText = (v: unknown, max: number, multiline: boolean, allowEmpty: boolean): boolean =>
  v == null || isText(v, max, multiline, allowEmpty);

const isOptionalDate = (v: unknown): boolean => v == null || isRecordDate(v);

/**
 * `isLegalDate` (dates.ts) read from the characters: YYYY-MM-DD, a real calendar date from 1900 on,
 * without a match array or numbers cut from the string for each of a million dates.
 */
const isRecordDate = (v: unknown): boolean => {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const digit = (k: number): number => {
    const c = v.charCodeAt(k) - 48;
    return c >= 0 && c <= 9 ? c : Number.NaN;
  };
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  if (!(y >= 1900 && m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
};

/**
 * Two deliveries of one eventId are the same record when their content is the same (docs/api.md §2:
 * duplicates change nothing; the same id with other content is refused). Absent and null are equal.
 */
export const canonicalRecord = (r: CreditRecord | CreditRecordInput): string => JSON.stringify(canonicalValue(r));

const canonicalValue = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && x !== undefined) out[k] = canonicalValue(x);
    }
    return out;
  }
  return v;
};

export const sameRecord = (a: CreditRecord | CreditRecordInput, b: CreditRecord | CreditRecordInput): boolean =>
  canonicalRecord(a) === canonicalRecord(b);
