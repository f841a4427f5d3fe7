import { type Tenths, tenths } from '../points.ts';
import { articleName } from './articles.ts';
import type { AgencyCategory, SubjectKind } from './kinds.ts';

/**
 * The catalogue of credit records (Annex 1-3, Art 13, Art 14) as data: code, official wording,
 * category, points, article, who it applies to, direct-D and derived-only flags (docs/rules.md §3-5).
 */
type RulePoints =
  | { readonly type: 'fixed'; readonly tenths: Tenths }
  /** Annex 1 罚款: tier by fine amount (I7). */
  | { readonly type: 'fineTiered' }
  /** Annex 2 "同委托单位": the client's record's points at evaluation time (I4). */
  | { readonly type: 'sameAsClient' }
  /** Annex 3: practitioner records carry no points; they are counted (Art 13). */
  | { readonly type: 'none' };

type RequiredField = 'fineYuan' | 'clientEventId' | 'legalBasis';

export interface CatalogueRule {
  readonly code: string;
  readonly kinds: readonly SubjectKind[];
  /** 指标类别 as printed in the annex. */
  readonly category: string;
  /** 评价内容: the official wording of the annex or article. */
  readonly wording: string;
  readonly points: RulePoints;
  readonly article: string;
  /** The article in the regulation's Chinese (附件1, 第十四条第二项), named once per rule for display. */
  readonly articleName: string;
  /** Agency categories the rule is limited to (Annex 2 机构分类指标); undefined = every agency. */
  readonly agencyCategories?: readonly AgencyCategory[];
  /** Art 14: a counted record makes the grade D whatever the score. */
  readonly directD: boolean;
  /** Computed by the system, never accepted from a caller (AG_STAFF_RECORDS). */
  readonly derivedOnly: boolean;
  readonly requires?: RequiredField;
}

/**
 * I7: fine tiers of Annex 1. Upper bounds are inclusive (罚款金额≤10万; 10万<罚款金额≤50万; >50万).
 * A fine record without an amount is rejected by the record schema.
 */
export const FINE_TIERS: readonly { readonly upToYuan: number; readonly tenths: Tenths }[] = [
  { upToYuan: 100_000, tenths: tenths(-5) },
  { upToYuan: 500_000, tenths: tenths(-10) },
  { upToYuan: Number.POSITIVE_INFINITY, tenths: tenths(-15) },
];

export const fineTierTenths = (fineYuan: number): Tenths => FINE_TIERS.find((t) => fineYuan <= t.upToYuan)!.tenths;

/**
 * I1: Annex 1 prints "+10" for a permit obtained by fraud or bribery and revoked; the same fact is a
 * direct-D case in Art 14(1). We read it as −10 and direct D.
 */
export const PERMIT_FRAUD_TENTHS: Tenths = tenths(-100);

const E: readonly SubjectKind[] = ['enterprise'];
const A: readonly SubjectKind[] = ['agency'];
const P: readonly SubjectKind[] = ['practitioner'];

const fixed = (points: number): RulePoints => ({ type: 'fixed', tenths: tenths(Math.round(points * 10)) });

type Entry = Omit<CatalogueRule, 'articleName'>;

type Row = Omit<Entry, 'directD' | 'derivedOnly' | 'kinds'> &
  Partial<Pick<CatalogueRule, 'directD' | 'derivedOnly' | 'kinds'>>;

const enterprise = (rows: Row[]): Entry[] => rows.map((r) => ({ kinds: E, directD: false, derivedOnly: false, ...r }));
const agency = (rows: Row[]): Entry[] => rows.map((r) => ({ kinds: A, directD: false, derivedOnly: false, ...r }));

const ANNEX1 = 'Annex 1';
const ANNEX2 = 'Annex 2';
const ANNEX3 = 'Annex 3';

const ENTERPRISE_RULES = enterprise([
  {
    code: 'ENF_FINE',
    category: '行政执法',
    wording: '罚款',
    points: { type: 'fineTiered' },
    article: ANNEX1,
    requires: 'fineYuan',
  },
  {
    code: 'ENF_CONFISCATION',
    category: '行政执法',
    wording: '没收违法所得、没收非法财物',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'ENF_PERMIT_SUSPENDED',
    category: '行政执法',
    wording: '暂扣、吊销许可证或者其他具有许可性质的证件',
    points: fixed(-5),
    article: ANNEX1,
  },
  { code: 'ENF_DAILY_PENALTY', category: '行政执法', wording: '实施按日连续处罚', points: fixed(-3), article: ANNEX1 },
  { code: 'ENF_SEIZURE', category: '行政执法', wording: '实施查封、扣押', points: fixed(-5), article: ANNEX1 },
  { code: 'ENF_PRODUCTION_LIMIT', category: '行政执法', wording: '实施限制生产', points: fixed(-3), article: ANNEX1 },
  { code: 'ENF_SUSPENSION', category: '行政执法', wording: '实施停产整治', points: fixed(-5), article: ANNEX1 },
  {
    code: 'ENF_COURT_ENFORCEMENT',
    category: '行政执法',
    wording: '行政处罚申请法院强制执行',
    points: fixed(-5),
    article: ANNEX1,
  },
  {
    code: 'SUP_NATIONAL',
    category: '挂牌督办',
    wording: '被生态环境部或自治区人民政府挂牌督办',
    points: fixed(-6),
    article: ANNEX1,
  },
  {
    code: 'SUP_REGION',
    category: '挂牌督办',
    wording: '被自治区生态环境厅挂牌督办',
    points: fixed(-4),
    article: ANNEX1,
  },
  {
    code: 'SUP_CITY',
    category: '挂牌督办',
    wording: '被设区市级生态环境局挂牌督办',
    points: fixed(-2),
    article: ANNEX1,
  },
  { code: 'SUP_OVERDUE', category: '挂牌督办', wording: '未按期完成挂牌督办整改', points: fixed(-4), article: ANNEX1 },
  {
    code: 'EIA_UNAPPROVED',
    category: '环境影响评价执行情况',
    points: fixed(-10),
    article: ANNEX1,
    wording:
      '建设单位未依法报批建设项目环境影响报告书、报告表，或者未依照《中华人民共和国环境影响评价法》第二十四条的规定重新报批或者报请重新审核环境影响报告书、报告表，擅自开工建设的',
  },
  {
    code: 'EIA_QUALITY',
    category: '环境影响评价执行情况',
    points: fixed(-10),
    article: ANNEX1,
    wording:
      '建设项目环境影响报告书、环境影响报告表存在基础资料明显不实，内容存在重大缺陷、遗漏或者虚假，环境影响评价结论不正确或者不合理等严重质量问题的',
  },
  {
    code: 'EIA_ACCEPTANCE',
    category: '环境影响评价执行情况',
    points: fixed(-10),
    article: ANNEX1,
    wording:
      '需要配套建设的环境保护设施未建成、未经验收或者经验收不合格，建设项目已投入生产或者使用的，或者在验收中弄虚作假的，或者建设单位未依法向社会公开验收报告的',
  },
  {
    code: 'PMT_NO_PERMIT',
    category: '排污许可执行情况',
    wording: '按照《排污许可管理条例》《固定污染源分类管理目录》要求，应持证未持证的',
    points: fixed(-10),
    article: ANNEX1,
  },
  {
    code: 'PMT_RECTIFY_OVERDUE',
    category: '排污许可执行情况',
    wording: '按照排污许可证申请与核发技术规范要求，应进行整改逾期未整改的',
    points: fixed(-2),
    article: ANNEX1,
  },
  {
    code: 'PMT_POLLUTION_CONTROL',
    category: '排污许可执行情况',
    wording: '未按照排污许可证要求做好污染防治工作',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'PMT_SELF_MONITORING',
    category: '排污许可执行情况',
    wording: '未按照排污许可证要求进行自行监测',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'PMT_LEDGER',
    category: '排污许可执行情况',
    wording: '未按照排污许可证要求进行建立环境管理台账制度',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'PMT_REPORT_MISSING',
    category: '排污许可执行情况',
    wording: '未按照排污许可证要求提交执行报告',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'PMT_REPORT_FALSE',
    category: '排污许可执行情况',
    wording: '未如实填报排污许可证执行报告',
    points: fixed(-3),
    article: ANNEX1,
  },
  {
    code: 'HW_BASIC',
    category: '危险废物规范化管理',
    wording: '危险废物规范化管理督查考核中基本达标',
    points: fixed(-1),
    article: ANNEX1,
  },
  {
    code: 'HW_FAIL',
    category: '危险废物规范化管理',
    wording: '危险废物规范化管理督查考核中不达标',
    points: fixed(-2),
    article: ANNEX1,
  },
  {
    code: 'CP_AUDIT_INCOMPLETE',
    category: '清洁生产工作',
    wording: '未按要求完成强制清洁生产审核工作计划或清洁化改造任务',
    points: fixed(-4),
    article: ANNEX1,
  },
  {
    code: 'CP_HIGH_CONSUMPTION',
    category: '清洁生产工作',
    wording: '因清洁生产水平低下造成单位产品能源资源消耗数据或单位产品排污数据明显高于同行业正常水平',
    points: fixed(-1),
    article: ANNEX1,
  },
  {
    code: 'CP_OUTDATED_PROCESS',
    category: '清洁生产工作',
    wording: '企业采用落后的工艺装备、高污染燃料，或已有低毒、低污染替代品仍在高毒、高污染原辅材料',
    points: fixed(-1),
    article: ANNEX1,
  },
  {
    code: 'CP_SITE_DISORDER',
    category: '清洁生产工作',
    wording: '现场脏乱差、跑冒滴漏明显、雨污分流不清、无组织废气排放明显、污染物源头控制措施不到位等',
    points: fixed(-2),
    article: ANNEX1,
  },
  {
    code: 'INC_GENERAL',
    category: '突发环境事件',
    wording: '因企业主体责任未落实发生一般突发环境事件',
    points: fixed(-1),
    article: ANNEX1,
  },
  {
    code: 'INC_LARGER',
    category: '突发环境事件',
    wording: '因企业主体责任未落实发生较大突发环境事件',
    points: fixed(-2),
    article: ANNEX1,
  },
  {
    code: 'INC_MAJOR',
    category: '突发环境事件',
    wording: '因企业主体责任未落实发生重大及以上突发环境事件',
    points: fixed(-4),
    article: ANNEX1,
  },
  {
    code: 'ECO_LIABILITY',
    category: '生态环境损害',
    points: fixed(-2),
    article: ANNEX1,
    wording: '因造成生态环境损害，被提起生态环境损害赔偿诉讼，且经诉讼程序被追究生态环境损害赔偿或修复责任的',
  },
  {
    code: 'ECO_ENFORCED',
    category: '生态环境损害',
    points: fixed(-4),
    article: ANNEX1,
    wording: '磋商协议经司法确认后，以及经诉讼程序被追究生态环境损害赔偿或修复责任，逾期未履行被申请法院强制执行的',
  },
  {
    // I1: printed "10" in Annex 1; read as −10 and direct D because Art 14(1) names the same fact.
    code: 'SR_PERMIT_FRAUD',
    category: '社会责任',
    points: { type: 'fixed', tenths: PERMIT_FRAUD_TENTHS },
    article: 'Art 14(1)',
    directD: true,
    wording: '以欺骗、贿赂等不正当手段取得生态环境保护行政许可，被依法撤销的',
  },
  {
    code: 'SR_EVASION_UNCOMPLIED',
    category: '社会责任',
    points: fixed(-10),
    article: 'Art 14(2)',
    directD: true,
    wording:
      '因通过暗管、渗井、渗坑、灌注或者篡改、伪造监测数据，或者不正常运行防治设施等逃避监管的方式违法排放污染物，或者拒不接受生态环境主管部门监督检查或在检查时弄虚作假受到行政处罚，在法定期限内未提起行政复议、行政诉讼（或者经行政复议、行政诉讼最终维持原决定），逾期不履行行政处罚决定的',
  },
  {
    code: 'SR_COMMENDATION',
    category: '社会责任',
    wording: '自治区级及以上人民政府或主管部门因生态环境保护工作突出颁发的表彰信息',
    points: fixed(3),
    article: ANNEX1,
  },
  {
    code: 'SR_PRAISE',
    category: '社会责任',
    wording: '自治区级及以上人民政府或主管部门因生态环境保护工作突出颁发的表扬信息',
    points: fixed(1),
    article: ANNEX1,
  },
  { code: 'PI_ULTRA_LOW_EMISSION', category: '试点创新', wording: '超低排放改造', points: fixed(2), article: ANNEX1 },
  {
    code: 'PI_POLLUTION_INSURANCE',
    category: '试点创新',
    wording: '环境污染责任保险',
    points: fixed(3),
    article: ANNEX1,
  },
  {
    code: 'PI_WIN_WIN',
    category: '试点创新',
    wording: '通过加强管理、提高污染治理水平，实现经济效益和环境效益双赢',
    points: fixed(1),
    article: ANNEX1,
  },
]);

const BASIC = '基础指标';
const BY_CATEGORY = '机构分类指标';

const AGENCY_RULES = agency([
  {
    code: 'AG_NO_QUALIFICATION',
    category: BASIC,
    wording: '未依法获得资质认定、资质认定证书到期失效、超认定业务范围出具监测数据、报告',
    points: fixed(-30),
    article: ANNEX2,
  },
  {
    code: 'AG_NOTIFIED',
    category: BASIC,
    wording: '在工作中因严重违反相关规定被生态环境主管部门通报或函告整改的',
    points: fixed(-10),
    article: ANNEX2,
  },
  {
    code: 'AG_FALSIFIED_DATA',
    category: BASIC,
    wording: '第三方环境技术服务机构篡改、伪造数据，或存在弄虚作假行为，出具虚假数据、报告，被实施行政处罚的',
    points: fixed(-30),
    article: ANNEX2,
  },
  {
    code: 'AG_OBSTRUCTION',
    category: BASIC,
    wording: '拒绝、阻挠、不配合各级生态环境部门现场检查、监督管理及信用评价等工作的',
    points: fixed(-10),
    article: ANNEX2,
  },
  {
    code: 'AG_INTERVIEWED',
    category: BASIC,
    wording: '因违反相关规定被生态环境部门约谈的',
    points: fixed(-10),
    article: ANNEX2,
  },
  {
    code: 'AG_CRITICISED',
    category: BASIC,
    wording: '因违反相关规定受到通报批评、警告行政处罚的',
    points: fixed(-10),
    article: ANNEX2,
  },
  {
    code: 'AG_SERVICE_WHILE_RECTIFYING',
    category: BASIC,
    wording: '被监管部门通报责令整改，且在整改期间擅自对外开展项目服务或出具检测检验数据、结果，或者逾期未改正的',
    points: fixed(-10),
    article: ANNEX2,
  },
  {
    code: 'AG_CLIENT_DEDUCTED',
    category: BASIC,
    wording: '项目服务因服务质量等问题导致委托单位受到环保信用扣分的',
    points: { type: 'sameAsClient' },
    article: ANNEX2,
    requires: 'clientEventId',
  },
  {
    code: 'AG_BAD_FAITH',
    category: BASIC,
    wording: '违反诚实信用原则，造成严重恶劣影响或后果，生态环境主管部门认为应当纳入不良的',
    points: fixed(-30),
    article: ANNEX2,
  },
  {
    code: 'AG_STAFF_RECORDS',
    category: BASIC,
    wording: '评价年度机构内3名及以上工作人员出现不良信用记录',
    points: fixed(-20),
    article: ANNEX2,
    derivedOnly: true,
  },
  {
    code: 'AG_OM_ABNORMAL_OPERATION',
    category: BY_CATEGORY,
    wording: '故意不正常运行维护污染治理设施',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['treatment_om'],
  },
  {
    code: 'AG_MON_UNQUALIFIED_STAFF',
    category: BY_CATEGORY,
    wording: '相关监测人员上岗前未经培训和能力确认或超过能力确认范围提供环境监测专业服务的',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['monitoring'],
  },
  {
    code: 'AG_EIA_KEY_SUPERVISION',
    category: BY_CATEGORY,
    wording: '被环境影响评价信用平台列入重点监督检查名单的',
    points: fixed(-10),
    article: ANNEX2,
    agencyCategories: ['eia'],
  },
  {
    code: 'AG_EIA_RECTIFY_LIST',
    category: BY_CATEGORY,
    wording: '被环境影响评价信用平台列入限期整改名单的',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['eia'],
  },
  {
    code: 'AG_EIA_BLACKLIST',
    category: BY_CATEGORY,
    wording: '被环境影响评价信用平台列入黑名单的',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['eia'],
  },
  {
    code: 'AG_IT_DATA_LEAK',
    category: BY_CATEGORY,
    wording: '泄露、倒卖信息系统业务数据，造成不良影响',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['it_om'],
  },
  {
    code: 'AG_IT_FALSE_REPORT',
    category: BY_CATEGORY,
    wording: '提供虚假系统运维报告，违反诚实原则',
    points: fixed(-5),
    article: ANNEX2,
    agencyCategories: ['it_om'],
  },
  {
    code: 'AG_IT_DATA_TAMPER',
    category: BY_CATEGORY,
    wording: '擅自修改系统原始数据，帮助企业信息造假',
    points: fixed(-30),
    article: ANNEX2,
    agencyCategories: ['it_om'],
  },
  {
    code: 'AG_INV_DELAY',
    category: BY_CATEGORY,
    wording: '严重延误工期，多次协调不成或甲方下达相关督办函',
    points: fixed(-10),
    article: ANNEX2,
    agencyCategories: ['investigation'],
  },
  {
    code: 'AG_INV_QUALITY',
    category: BY_CATEGORY,
    wording: '成果质量严重多次不达标',
    points: fixed(-10),
    article: ANNEX2,
    agencyCategories: ['investigation'],
  },
  {
    code: 'AG_INV_BREACH',
    category: BY_CATEGORY,
    wording: '工作过程对于约定条款不予按期执行',
    points: fixed(-10),
    article: ANNEX2,
    agencyCategories: ['investigation'],
  },
  {
    code: 'AG_D14_PERMIT_FRAUD',
    category: '直接评定为环保不良',
    wording: '以欺骗、贿赂等不正当手段取得环境保护行政许可的',
    points: fixed(0),
    article: 'Art 14(1)',
    directD: true,
  },
  {
    code: 'AG_D14_EVASION_UNCOMPLIED',
    category: '直接评定为环保不良',
    points: fixed(0),
    article: 'Art 14(2)',
    directD: true,
    wording:
      '因逃避监管违法排放污染物或拒不接受监督检查、检查时弄虚作假受到行政处罚，在法定期限内未提起行政复议、行政诉讼（或者经行政复议、行政诉讼最终维持原决定），逾期不履行行政处罚决定的',
  },
  {
    code: 'D14_OTHER_LEGAL',
    kinds: ['enterprise', 'agency'],
    category: '直接评定为环保不良',
    points: fixed(0),
    article: 'Art 14(3)',
    directD: true,
    requires: 'legalBasis',
    wording: '法律、法规规定的其他应当列入环保不良名单的情形',
  },
]);

const practitioner = (code: string, wording: string): Entry => ({
  code,
  kinds: P,
  category: '相关从业人员',
  wording,
  points: { type: 'none' },
  article: ANNEX3,
  directD: false,
  derivedOnly: false,
});

const PRACTITIONER_RULES: Entry[] = [
  practitioner(
    'PR_CAUSED_ENTERPRISE_DEDUCTION',
    '纳入环保信用评价范围的企事业单位相关工作直接负责人在工作中由于非客观因素产生的导致企事业单位环保信用扣分的',
  ),
  practitioner(
    'PR_CAUSED_AGENCY_DEDUCTION',
    '接受委托的第三方环保服务机构项目具体负责人、工作人员在工作中由于非客观因素产生的导致委托单位、第三方环保服务机构环保信用扣分的',
  ),
  practitioner('PR_QUALIFICATION_LENDING', '违反规定将从业资质出借（挂靠）给第三方环保服务机构的'),
  practitioner(
    'PR_FRAUD_IN_SERVICE',
    '接受委托在项目咨询服务中弄虚作假，未能客观、公正履行审查职责造成严重后果或恶劣影响的',
  ),
];

export const CATALOGUE: readonly CatalogueRule[] = [...ENTERPRISE_RULES, ...AGENCY_RULES, ...PRACTITIONER_RULES].map(
  (r) => ({
    ...r,
    articleName: articleName(r.article),
  }),
);

const BY_CODE: ReadonlyMap<string, CatalogueRule> = new Map(CATALOGUE.map((r) => [r.code, r]));

export const ruleByCode = (code: string): CatalogueRule | undefined => BY_CODE.get(code);

export const appliesToKind = (rule: CatalogueRule, kind: SubjectKind): boolean => rule.kinds.includes(kind);

/** Annex 2 机构分类指标: a category rule applies only to an agency that has one of its categories. */
export const appliesToCategories = (rule: CatalogueRule, categories: readonly AgencyCategory[]): boolean =>
  rule.agencyCategories === undefined || rule.agencyCategories.some((c) => categories.includes(c));

/**
 * Deductions (扣分 records) and direct-D records: they count in their year and carry over while
 * unrectified (Art 19, I6); bonuses do not. Practitioner records carry no points (Art 13).
 */
export const isDeductionRule = (rule: CatalogueRule): boolean =>
  rule.directD ||
  rule.points.type === 'fineTiered' ||
  rule.points.type === 'sameAsClient' ||
  (rule.points.type === 'fixed' && rule.points.tenths < 0);

export const isBonusRule = (rule: CatalogueRule): boolean => rule.points.type === 'fixed' && rule.points.tenths > 0;

/** I16: records of the enforcement category (行政执法) with one case number are one act. */
export const isEnforcementMeasure = (rule: CatalogueRule): boolean => rule.code.startsWith('ENF_');
