import { AGENCY_CATEGORY_NAMES as ANNEX_2_CATEGORY_NAMES } from '../../../../domain/catalogue/kinds.ts';
import type { InputIssue } from '../../../../domain/validation.ts';
import type { Refusal } from '../../../shared/errors.ts';

/** The Chinese words of the console's subject pages: pending states, fields, audit actions (record states: ui/result.tsx). */

export const PENDING_NAMES = { warning: '信用预警整改期内', 'awaiting-client': '待委托单位记录确定' } as const;

/** Annex 2 机构分类指标, as the annex names the categories. */
export const AGENCY_CATEGORY_NAMES: Readonly<Record<string, string>> = ANNEX_2_CATEGORY_NAMES;

export const AUDIT_ACTIONS: Record<string, string> = {
  'subject.registered': '登记主体',
  'subject.updated': '修改登记信息',
  'record.created': '报送信用信息',
  'record.rectified': '整改完成',
  'record.revoked': '撤销信用信息',
  'record.repaired': '信用修复',
  'repair.applied': '申请信用修复',
  'repair.approved': '予以修复',
  'repair.rejected': '不予修复',
  'alert.raised': '逾期提醒',
  'subject.created-unregistered': '由报送的信用信息生成（未登记）',
  'published.reissued': '重新发布评价结果',
  'repair.reissue-completed': '修复后重新发布完成',
  'snapshot.drift-repaired': '校正实时评价结果',
};

/** Field names of the console's forms and filters, for the messages that name them. */
const FIELD_NAMES: Record<string, string> = {
  kind: '主体类型',
  id: '统一社会信用代码/公民身份号码',
  name: '名称',
  league: '盟市',
  grade: '等级',
  q: '名称或代码',
  year: '年度',
  cursor: '分页位置',
  sites: '厂址',
  siteId: '厂址编号',
  outputShare: '产量占比',
  categories: '机构类别',
  employer: '工作单位',
  suspended: '暂停评价',
  reason: '理由',
  reportedLate: '未按时如实报送',
  why: '修改原因',
  version: '版本',
  rule: '评价指标',
  fineYuan: '罚款金额（元）',
  legalBasis: '法律依据',
  clientEventId: '委托单位记录编号',
  subject: '评价对象',
  decision: '决定',
  page: '页码',
  applicationId: '申请编号',
  eventId: '信用信息编号',
  occurredOn: '发生日期',
  rectifiedOn: '整改完成日期',
  revokedOn: '撤销日期',
  repairedOn: '信用修复日期',
  verifyBy: '核实期限',
  responsible: '责任单位',
  limitOn: '期限',
  article: '依据',
};

/** `sites[1].outputShare` → `厂址（第2行）· 产量占比`. */
export const fieldName = (path: string): string =>
  path
    .split('.')
    .map((part) => {
      const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
      if (!m) return part;
      const base = FIELD_NAMES[m[1]!] ?? m[1]!;
      return m[2] === undefined ? base : `${base}（第${Number(m[2]) + 1}行）`;
    })
    .join(' · ');

/** The issues with their fields named in Chinese (the refusal page writes `field：message`). */
export const namedIssues = (issues: readonly InputIssue[]): InputIssue[] =>
  issues.map((i) => ({ path: i.path ? fieldName(i.path) : '', message: i.message }));

/** A refusal whose fields are named in Chinese. */
export const named = <R extends Refusal>(r: R): R =>
  r.status === 'invalid' ? ({ ...r, issues: namedIssues(r.issues) } as R) : r;
