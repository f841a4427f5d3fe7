import { AGENCY_CATEGORIES, AGENCY_CATEGORY_NAMES, type AgencyCategory } from '../catalogue/kinds.ts';
import { isLeagueCode, LEAGUES, type LeagueCode } from '../identifiers/leagues.ts';
import { subjectIdProblem } from '../identifiers/subjectId.ts';
import { MAX_NAME_LENGTH, MAX_SITE_ID_LENGTH, MAX_SITES } from '../records/bounds.ts';
import {
  BASES_OF_KIND,
  BASIS_ORDINALS,
  type EmployerKind,
  INCLUSION_BASES,
  INCLUSION_BASIS_CODES,
  type InclusionBasis,
  PARTICIPANT_KIND_NAMES,
  type ParticipantEmployer,
  type ParticipantEntry,
  type ParticipantKind,
  type ParticipantSite,
  WHOLE_SHARE_BP,
} from './participant.ts';

/**
 * A list of participants as a bureau writes it (Art 16(1), 17(1)): one row per unit, Chinese
 * column headers. The whole list is checked before anything is stored, and every problem is
 * reported at once with its row and column, so the bureau fixes the file in one pass.
 */
export const COLUMNS = {
  code: '统一社会信用代码',
  name: '名称',
  league: '所属盟市',
  basis: '纳入依据',
  sites: '厂址及产量占比',
  categories: '服务类别',
  employer: '用人单位统一社会信用代码',
  employerKind: '用人单位类型',
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/** The columns of a kind's template, in order. */
export const COLUMNS_OF_KIND: Record<ParticipantKind, readonly ColumnKey[]> = {
  enterprise: ['code', 'name', 'league', 'basis', 'sites'],
  agency: ['code', 'name', 'league', 'basis', 'categories'],
  practitioner: ['code', 'name', 'league', 'basis', 'employer', 'employerKind'],
};

/**
 * A practitioner is a person (Art 6(6), 18(1)): its list names it by its resident identity number and
 * its name; the other kinds' columns keep their headers.
 */
const PRACTITIONER_HEADERS: Partial<Record<ColumnKey, string>> = { code: '公民身份号码', name: '姓名' };

/** A column's header in a kind's template (and in the problems reported about it). */
export const columnName = (kind: ParticipantKind, key: ColumnKey): string =>
  (kind === 'practitioner' ? PRACTITIONER_HEADERS[key] : undefined) ?? COLUMNS[key];

/** Every header a template of any kind uses, to its column: how an uploaded sheet's header row is read. */
export const HEADER_COLUMNS: ReadonlyMap<string, ColumnKey> = new Map<string, ColumnKey>([
  ...(Object.entries(COLUMNS) as [ColumnKey, string][]).map(([k, v]) => [v, k] as [string, ColumnKey]),
  ...(Object.entries(PRACTITIONER_HEADERS) as [ColumnKey, string][]).map(([k, v]) => [v, k] as [string, ColumnKey]),
]);

/** The employer kinds as the template writes them. */
export const EMPLOYER_KIND_NAMES: Record<EmployerKind, string> = {
  enterprise: '企事业单位',
  agency: '第三方服务机构',
};

/** `第三方服务机构` or `agency`: an employer's kind as written. */
export const parseEmployerKind = (raw: string): EmployerKind | null => {
  const s = raw.trim();
  if (s === 'enterprise' || s === EMPLOYER_KIND_NAMES.enterprise || s === '企业') return 'enterprise';
  if (s === 'agency' || s === EMPLOYER_KIND_NAMES.agency || s === '服务机构') return 'agency';
  return null;
};

/** Annex 2 机构分类指标, as the annex names the categories. */
/** The categories' names as the import template writes them (Annex 2). */
export const CATEGORY_NAMES = AGENCY_CATEGORY_NAMES;

/** One row of the sheet: its row number in the workbook, and its cells by column. */
export interface ListRow {
  readonly row: number;
  readonly cells: Readonly<Partial<Record<ColumnKey, string>>>;
}

/** What is wrong with one cell (or the whole file: row null). */
export interface ListProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly reason: string;
}

export type CheckedList =
  | { readonly ok: true; readonly entries: readonly ParticipantEntry[] }
  | { readonly ok: false; readonly problems: readonly ListProblem[] };

/** A basis as written: `6.1`, `（一）`, `(一)`, `一`, or the item's wording. */
export const parseBasis = (raw: string): InclusionBasis | null => {
  const s = raw.trim().replace(/^第六条/, '');
  if ((INCLUSION_BASIS_CODES as string[]).includes(s)) return s as InclusionBasis;
  for (const b of INCLUSION_BASIS_CODES) {
    const ord = BASIS_ORDINALS[b];
    const bare = ord.slice(1, -1);
    if (s === ord || s === `(${bare})` || s === bare || s === INCLUSION_BASES[b] || s.startsWith(ord)) return b;
  }
  return null;
};

/** A league as written: its division code or its name (`鄂尔多斯市`). */
export const parseLeague = (raw: string): LeagueCode | null => {
  const s = raw.trim();
  if (isLeagueCode(s)) return s;
  const found = (Object.entries(LEAGUES) as [LeagueCode, string][]).find(([, name]) => name === s);
  return found ? found[0] : null;
};

const SHARE = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

/**
 * `A001:60%；A002:40%`: sites and their output shares. I9: the shares weigh the sites' scores,
 * so those a bureau writes must sum to exactly 100% (checked in hundredths of a percent).
 */
export const parseSites = (raw: string): { sites: ParticipantSite[] } | { problem: string } => {
  const parts = raw
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > MAX_SITES) return { problem: `厂址不能超过${MAX_SITES}个` };
  const sites: ParticipantSite[] = [];
  for (const part of parts) {
    const at = part.search(/[:：]/);
    if (at <= 0) return { problem: `“${part}”应写作“厂址编号:占比%”` };
    const siteId = part.slice(0, at).trim();
    const m = SHARE.exec(part.slice(at + 1).trim());
    if (!m) return { problem: `厂址${siteId}的产量占比应为0到100之间的百分数` };
    const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
    if (bp > WHOLE_SHARE_BP) return { problem: `厂址${siteId}的产量占比应为0到100之间的百分数` };
    if (siteId.length > MAX_SITE_ID_LENGTH) return { problem: `厂址编号不能超过${MAX_SITE_ID_LENGTH}个字符` };
    if (sites.some((s) => s.siteId === siteId)) return { problem: `厂址编号重复：${siteId}` };
    sites.push({ siteId, shareBp: bp });
  }
  const total = sites.reduce((sum, s) => sum + s.shareBp, 0);
  if (sites.length > 0 && total !== WHOLE_SHARE_BP) return { problem: `各厂址产量占比之和为${total / 100}%，应为100%` };
  return { sites };
};

/** `环评服务机构；eia`: Annex 2 categories by their names or codes, at least one, none twice. */
export const parseCategories = (raw: string): { categories: AgencyCategory[] } | { problem: string } => {
  const parts = raw
    .split(/[;；,，\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { problem: '第三方服务机构至少有一个服务类别' };
  const categories: AgencyCategory[] = [];
  for (const part of parts) {
    const c = AGENCY_CATEGORIES.find((k) => k === part || CATEGORY_NAMES[k] === part);
    if (!c) return { problem: `未知的服务类别“${part}”（附件2机构分类）` };
    if (categories.includes(c)) return { problem: `服务类别重复：${CATEGORY_NAMES[c]}` };
    categories.push(c);
  }
  return { categories };
};

/**
 * Checks one list of one league's participants of one kind, whole. Rows of another league are
 * refused (Art 8: each league bureau builds its own list); a code may appear once (one entry per
 * participant and year).
 */
export const checkParticipantList = (
  kind: ParticipantKind,
  league: LeagueCode,
  rows: readonly ListRow[],
): CheckedList => {
  const problems: ListProblem[] = [];
  const entries: ParticipantEntry[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) return { ok: false, problems: [{ row: null, column: null, reason: '文件中没有名单行' }] };
  for (const { row, cells } of rows) {
    const bad = (key: ColumnKey, reason: string) => problems.push({ row, column: columnName(kind, key), reason });
    const cell = (key: ColumnKey) => (cells[key] ?? '').trim();
    const before = problems.length;

    const code = cell('code').toUpperCase();
    const codeProblem = code === '' ? '不能为空' : subjectIdProblem(kind, code);
    if (codeProblem) bad('code', codeProblem);
    else if (seen.has(code)) bad('code', `与第${seen.get(code)}行的${columnName(kind, 'code')}重复`);
    else seen.set(code, row);

    const name = cell('name');
    if (name === '') bad('name', '不能为空');
    else if (name.length > MAX_NAME_LENGTH) bad('name', `不能超过${MAX_NAME_LENGTH}个字符`);

    const leagueRaw = cell('league');
    const rowLeague = parseLeague(leagueRaw);
    if (leagueRaw === '') bad('league', '不能为空');
    else if (!rowLeague) bad('league', `未知的盟市“${leagueRaw}”，应为自治区12个盟市之一`);
    else if (rowLeague !== league) bad('league', `不属于本名单的盟市（${LEAGUES[league]}）`);

    const basisRaw = cell('basis');
    const basis = parseBasis(basisRaw);
    if (basisRaw === '') bad('basis', '不能为空');
    else if (!basis) bad('basis', `未知的纳入依据“${basisRaw}”，应为第六条（一）至（八）之一`);
    else if (!BASES_OF_KIND[kind].includes(basis))
      bad('basis', `第六条${BASIS_ORDINALS[basis]}不适用于${PARTICIPANT_KIND_NAMES[kind]}`);

    let sites: ParticipantSite[] = [];
    let categories: AgencyCategory[] = [];
    let employer: ParticipantEmployer | undefined;
    if (kind === 'enterprise') {
      const r = parseSites(cell('sites'));
      if ('problem' in r) bad('sites', r.problem);
      else sites = r.sites;
    } else if (kind === 'agency') {
      const r = parseCategories(cell('categories'));
      if ('problem' in r) bad('categories', r.problem);
      else categories = r.categories;
    } else {
      // Art 18(1): a practitioner is on the list as the person its employer (the service buyer) filed.
      const employerCode = cell('employer').toUpperCase();
      const employerProblem = employerCode === '' ? '不能为空' : subjectIdProblem('agency', employerCode);
      if (employerProblem) bad('employer', employerProblem);
      const kindRaw = cell('employerKind');
      const employerKind = parseEmployerKind(kindRaw);
      if (kindRaw === '') bad('employerKind', '不能为空');
      else if (!employerKind) bad('employerKind', `未知的用人单位类型“${kindRaw}”，应为企事业单位或第三方服务机构`);
      if (!employerProblem && employerKind) employer = { kind: employerKind, code: employerCode };
    }
    if (problems.length === before && rowLeague && basis)
      entries.push({
        kind,
        code,
        name,
        league: rowLeague,
        basis,
        sites,
        categories,
        ...(employer ? { employer } : {}),
      });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
};

/** One entry added by hand: the same checks as a row of an imported list. */
export const checkParticipantEntry = (
  kind: ParticipantKind,
  league: LeagueCode,
  cells: ListRow['cells'],
): { ok: true; entry: ParticipantEntry } | { ok: false; problems: readonly ListProblem[] } => {
  const r = checkParticipantList(kind, league, [{ row: 1, cells }]);
  return r.ok ? { ok: true, entry: r.entries[0]! } : { ok: false, problems: r.problems };
};

/** What an import changes: entries new to the list, changed ones, and those already there as written. */
export interface ImportCount {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}
