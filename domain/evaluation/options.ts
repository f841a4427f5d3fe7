/**
 * Interpretation switches (docs/decisions.md). Each is a named option with its id; the defaults are
 * the product's decisions. A province that reads the regulation differently changes one line.
 */
export interface EvaluationOptions {
  /** I5: Art 13 "不同部门产生的失信信息，累计达到2次" — demand two different departments. Default off. */
  readonly requireDistinctDepartments: boolean;
  /** I6: an earlier year's deduction still unrectified counts again in year Y. Default on. */
  readonly carryOverUnrectified: boolean;
  /** I16: enforcement measures (ENF_*) of one case number count once, at the largest deduction. Default on. */
  readonly mergeMeasuresOfOneCase: boolean;
}

export const DEFAULT_OPTIONS: EvaluationOptions = {
  requireDistinctDepartments: false,
  carryOverUnrectified: true,
  mergeMeasuresOfOneCase: true,
};

/** Art 13: two counted records in the evaluation year make an environmental-dishonest individual. */
export const DISHONEST_RECORD_THRESHOLD = 2;

/** Annex 2: "评价年度机构内3名及以上工作人员出现不良信用记录" → −20, derived by the system. */
export const STAFF_WITH_RECORDS_THRESHOLD = 3;
