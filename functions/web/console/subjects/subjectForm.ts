import { AGENCY_CATEGORIES, SUBJECT_KINDS, type SubjectKind } from '../../../../domain/catalogue/kinds.ts';
import type { Subject } from '../../../../domain/subjects/subject.ts';
import type { InputIssue } from '../../../../domain/validation.ts';

/**
 * The registration form's fields and the request body they make (the registration use case's
 * `RegisterSubjectRequest`): an enterprise's sites as rows (site number, name, output share in
 * per cent), an agency's categories as check boxes, a practitioner's employer.
 */
export interface SubjectFormValues {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly league: string;
  readonly sites: readonly { readonly siteId: string; readonly name: string; readonly share: string }[];
  readonly categories: readonly string[];
  readonly employerKind: string;
  readonly employerId: string;
  readonly suspended: boolean;
  readonly suspendedReason: string;
  readonly reportedLate: boolean;
  readonly why: string;
  readonly version: number;
}

/** Empty site rows a form offers beyond the registered ones (save, then edit again for more). */
export const EXTRA_SITE_ROWS = 3;
/** Most site rows a form takes (the subject schema's own bound is checked by the use case). */
const MAX_SITE_ROWS = 120;

export const kindOf = (s: string | undefined): SubjectKind | null =>
  (SUBJECT_KINDS as readonly string[]).includes(s ?? '') ? (s as SubjectKind) : null;

/** A stored subject as the form shows it. */
export const valuesOfSubject = (subject: Subject, version: number): SubjectFormValues => ({
  kind: subject.kind,
  id: subject.id,
  name: subject.name ?? '',
  league: ('league' in subject ? subject.league : null) ?? '',
  sites:
    subject.kind === 'enterprise'
      ? (subject.sites ?? []).map((s) => ({
          siteId: s.siteId,
          name: s.name ?? '',
          share: s.outputShare == null ? '' : String(Math.round(s.outputShare * 1_000_000) / 10_000),
        }))
      : [],
  categories: subject.kind === 'agency' ? [...subject.categories] : [],
  employerKind: subject.kind === 'practitioner' ? (subject.employer?.kind ?? '') : '',
  employerId: subject.kind === 'practitioner' ? (subject.employer?.id ?? '') : '',
  suspended: Boolean(subject.suspended),
  suspendedReason: subject.suspended?.reason ?? '',
  reportedLate: subject.reportedLate === true,
  why: '',
  version,
});

export const emptyValues = (kind: SubjectKind, league: string): SubjectFormValues => ({
  kind,
  id: '',
  name: '',
  league,
  sites: [],
  categories: [],
  employerKind: '',
  employerId: '',
  suspended: false,
  suspendedReason: '',
  reportedLate: false,
  why: '',
  version: 0,
});

/** The posted form's values (as typed: a refused form is shown again with them). */
export const valuesOfForm = (
  kind: SubjectKind,
  id: string,
  form: Readonly<Record<string, string>>,
  formAll: Readonly<Record<string, readonly string[]>>,
): SubjectFormValues => {
  const sites: { siteId: string; name: string; share: string }[] = [];
  for (let i = 0; i < MAX_SITE_ROWS && `siteId${i}` in form; i++)
    sites.push({
      siteId: (form[`siteId${i}`] ?? '').trim(),
      name: (form[`siteName${i}`] ?? '').trim(),
      share: (form[`share${i}`] ?? '').trim(),
    });
  const version = Number(form.version ?? '0');
  return {
    kind,
    id,
    name: (form.name ?? '').trim(),
    league: form.league ?? '',
    sites,
    categories: formAll.categories ?? [],
    employerKind: form.employerKind ?? '',
    employerId: (form.employerId ?? '').trim(),
    suspended: form.suspended === 'on',
    suspendedReason: (form.suspendedReason ?? '').trim(),
    reportedLate: form.reportedLate === 'on',
    why: (form.why ?? '').trim(),
    version: Number.isSafeInteger(version) && version >= 0 ? version : -1,
  };
};

/**
 * The body the registration use case takes; the form's own problems (a share that is not a number)
 * name their row. Everything else (required name, league code, duplicate sites…) is the subject
 * schema's, checked by the use case.
 */
export const bodyOfValues = (
  v: SubjectFormValues,
): { readonly body: Record<string, unknown>; readonly issues: InputIssue[] } => {
  const issues: InputIssue[] = [];
  if (v.version < 0) issues.push({ path: 'version', message: '表单版本无效，请重新打开编辑页面' });
  const common = {
    ...(v.suspended ? { suspended: { reason: v.suspendedReason } } : { suspended: null }),
    reportedLate: v.reportedLate,
  };
  if (v.kind === 'enterprise') {
    const sites = v.sites
      .map((s, i) => ({ ...s, i }))
      .filter((s) => s.siteId !== '' || s.name !== '' || s.share !== '')
      .map((s) => {
        let outputShare: number | null = null;
        if (s.share !== '') {
          const n = Number(s.share);
          if (!/^\d+(\.\d+)?$/.test(s.share) || !(n >= 0 && n <= 100))
            issues.push({ path: `sites[${s.i}].outputShare`, message: '产量占比须为0到100之间的数字（%）' });
          else outputShare = Math.round(n * 10_000) / 1_000_000;
        }
        return { siteId: s.siteId, name: s.name === '' ? null : s.name, outputShare };
      });
    return { body: { name: v.name, league: v.league, sites, ...common }, issues };
  }
  if (v.kind === 'agency') {
    const unknown = v.categories.filter((c) => !(AGENCY_CATEGORIES as readonly string[]).includes(c));
    if (unknown.length > 0) issues.push({ path: 'categories', message: '机构类别无效' });
    return { body: { name: v.name, league: v.league, categories: v.categories, ...common }, issues };
  }
  if (v.employerKind !== '' && v.employerKind !== 'enterprise' && v.employerKind !== 'agency')
    issues.push({ path: 'employer.kind', message: '工作单位类型须为企事业单位或第三方服务机构' });
  const employer = v.employerKind === '' && v.employerId === '' ? null : { kind: v.employerKind, id: v.employerId };
  return {
    body: { name: v.name === '' ? null : v.name, league: v.league === '' ? null : v.league, employer, ...common },
    issues,
  };
};
