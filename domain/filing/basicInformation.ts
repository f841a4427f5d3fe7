import { AGENCY_CATEGORIES, type AgencyCategory } from '../catalogue/kinds.ts';
import { parseSites } from '../participants/importList.ts';
import type { ParticipantKind } from '../participants/participant.ts';
import type { InputIssue, Validated } from '../validation.ts';
import type { BasicInformation } from './filing.ts';

/** The filing form's fields as the form labels them (messages name the field). */
export const BASIC_FIELDS = {
  sites: '厂址及产量占比',
  categories: '服务类别',
} as const;

/** The form as posted: the sites as written (`P001:60%；P002:40%`), the categories ticked. */
export interface BasicInformationForm {
  readonly sites: string;
  readonly categories: readonly string[];
}

/**
 * Checks the basic information a participant files (Art 20). Enterprises: at least one site, and
 * the output shares sum to exactly 100% (Art 16(1) weighs each site by its share; I9 exact
 * hundredths). Agencies: at least one Annex 2 category (Art 17(1)), none unknown.
 */
export const checkBasicInformation = (
  kind: ParticipantKind,
  form: BasicInformationForm,
): Validated<BasicInformation> => {
  const issues: InputIssue[] = [];
  if (kind === 'enterprise') {
    if (form.sites.trim() === '')
      return { ok: false, issues: [{ path: 'sites', message: `${BASIC_FIELDS.sites}：至少填写一个厂址及其产量占比` }] };
    const parsed = parseSites(form.sites);
    if ('problem' in parsed)
      return { ok: false, issues: [{ path: 'sites', message: `${BASIC_FIELDS.sites}：${parsed.problem}` }] };
    return { ok: true, value: { sites: parsed.sites, categories: [] } };
  }
  const categories: AgencyCategory[] = [];
  for (const c of form.categories) {
    const known = AGENCY_CATEGORIES.find((k) => k === c);
    if (!known) issues.push({ path: 'categories', message: `${BASIC_FIELDS.categories}：未知的服务类别“${c}”` });
    else if (!categories.includes(known)) categories.push(known);
  }
  if (issues.length === 0 && categories.length === 0)
    issues.push({ path: 'categories', message: `${BASIC_FIELDS.categories}：至少选择一个服务类别（附件2）` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { sites: [], categories } };
};
