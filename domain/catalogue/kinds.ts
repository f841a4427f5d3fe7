/** Who is evaluated (Art 2, 3, 6; docs/rules.md §1). */
export const SUBJECT_KINDS = ['enterprise', 'agency', 'practitioner'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_KIND_NAMES: Record<SubjectKind, string> = {
  enterprise: '企事业单位',
  agency: '第三方服务机构',
  practitioner: '相关从业人员',
};

/** Agency categories of Annex 2 (机构分类指标). A category rule applies only to an agency that has it. */
export const AGENCY_CATEGORIES = ['treatment_om', 'monitoring', 'eia', 'it_om', 'investigation'] as const;
export type AgencyCategory = (typeof AGENCY_CATEGORIES)[number];

/** Annex 2 机构分类指标: each category as the annex names it. */
export const AGENCY_CATEGORY_NAMES: Readonly<Record<AgencyCategory, string>> = {
  treatment_om: '环境污染第三方治理机构、防治污染设施运行维护机构',
  monitoring: '环境监测服务机构',
  eia: '环评服务机构',
  it_om: '生态环境业务信息系统运维机构',
  investigation: '生态环境破坏及污染状况调查评估机构',
};
