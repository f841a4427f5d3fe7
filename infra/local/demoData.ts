import { CATALOGUE } from '../../domain/catalogue/catalogue.ts';
import { AGENCY_CATEGORIES, type AgencyCategory } from '../../domain/catalogue/kinds.ts';
import { addDays } from '../../domain/dates.ts';
import { LEAGUE_CODES, LEAGUES, type LeagueCode } from '../../domain/identifiers/leagues.ts';
import { residentIdCheckCharacter } from '../../domain/identifiers/residentId.ts';
import { usccCheckCharacter } from '../../domain/identifiers/uscc.ts';
import { type CreditRecord, type CreditRecordInput, toCreditRecord } from '../../domain/records/creditRecord.ts';
import type { Subject } from '../../domain/subjects/subject.ts';

/**
 * A realistic, deterministic region for `npm start -- --demo` and the benchmarks: enterprises named
 * by their league's industries with one to four sites, third-party agencies of every Annex 2
 * category whose records cite their clients' records, practitioners employed by agencies and
 * enterprises, and records over two years (fines, cases with several measures, warnings,
 * rectifications, revocations) spread so that every grade occurs: most subjects have few or no
 * records, a few have many, and only those may have a direct-D record.
 */
export interface DataSet {
  readonly subjects: Subject[];
  readonly records: CreditRecord[];
}

/** Small deterministic PRNG (mulberry32), so every run builds the same data. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** The industries a league is known for, so that names read like the region's companies. */
const TRADES: Record<LeagueCode, readonly string[]> = {
  '150100': ['乳业', '制药', '热电', '食品', '新材料'],
  '150200': ['稀土新材料', '钢铁', '铝业', '机械制造', '热电'],
  '150300': ['焦化', '氯碱化工', '煤业', '建材'],
  '150400': ['有色金属冶炼', '水泥', '黄金矿业', '制药'],
  '150500': ['铝业', '玉米生物科技', '热电', '煤业'],
  '150600': ['煤化工', '煤业', '能源化工', '电力', '陶瓷'],
  '150700': ['煤电', '林产', '乳业', '矿业'],
  '150800': ['铜冶炼', '农牧产品加工', '化工', '番茄制品'],
  '150900': ['铁合金', '石墨新材料', '马铃薯加工', '热电'],
  '152200': ['热电', '造纸', '酿造', '矿业'],
  '152500': ['煤电', '肉类加工', '化工', '矿业'],
  '152900': ['盐化工', '精细化工', '煤业', '无机化工'],
};
/** Trade names (字号): invented, common-sounding, never a real company's full name. */
const BRANDS = [
  '鑫源',
  '恒泰',
  '金川',
  '远航',
  '蒙西',
  '北辰',
  '瑞丰',
  '天骄',
  '华宸',
  '永盛',
  '绿源',
  '宏达',
  '博远',
  '中恒',
  '汇能',
  '荣信',
  '兴泰',
  '晟通',
  '正元',
  '大漠',
  '草原',
  '塞北',
  '青城',
  '黄河',
  '阴山',
  '昭君',
  '嘉禾',
  '信诚',
  '广汇',
  '富源',
  '鸿运',
  '新峰',
  '祥和',
  '东升',
  '万通',
  '聚鑫',
  '驰宇',
  '泰和',
  '亿利',
  '安达',
  '德润',
  '长青',
  '星辰',
  '宇泰',
  '弘毅',
];
const COMPANY_FORMS = ['有限公司', '有限责任公司', '股份有限公司'];
const AGENCY_TRADES: Record<AgencyCategory, readonly string[]> = {
  monitoring: ['环境监测有限公司', '环境检测技术有限公司'],
  eia: ['环境科技咨询有限公司', '环保技术咨询有限公司'],
  treatment_om: ['环保工程运营有限公司', '环境治理设施运维有限公司'],
  it_om: ['环境信息技术有限公司', '生态数据科技有限公司'],
  investigation: ['生态环境调查评估有限公司', '土壤环境技术有限公司'],
};
const SITE_NAMES = ['一厂', '二厂', '三厂', '四厂', '东区', '西区', '南区', '北区', '热电车间', '化工园区分厂'];
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '桂英',
  '玉兰',
  '建国',
  '志强',
  '海波',
  '晓东',
  '丽华',
  '宏亮',
  '文斌',
  '俊峰',
  '浩然',
  '雪梅',
  '永胜',
  '立新',
  '春燕',
  '鹏飞',
  '婷婷',
];
/** Mongolian names are written without a Han surname. */
const MONGOLIAN = [
  '巴特尔',
  '其其格',
  '苏日娜',
  '额尔敦',
  '乌日娜',
  '斯琴',
  '朝鲁',
  '那仁',
  '阿拉坦',
  '萨仁高娃',
  '图雅',
  '宝音',
  '哈斯',
  '格日勒',
];

const usccFor = (n: number, league: string, series = 'MA'): string => {
  const body = `91${league}${series}${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
/** Unique for any n: a birth date per 900 people, a sequence number within it. */
const residentFor = (n: number, league: string): string => {
  const birth = addDays('1960-01-01', Math.floor(n / 900)).replaceAll('-', '');
  const body = `${league.slice(0, 4)}03${birth}${String(100 + (n % 900)).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
};

const codes = (kind: string, directD: boolean) =>
  CATALOGUE.filter(
    (r) =>
      r.kinds.includes(kind as never) &&
      !r.derivedOnly &&
      r.agencyCategories === undefined &&
      r.code !== 'AG_CLIENT_DEDUCTED' &&
      r.directD === directD,
  ).map((r) => r.code);

/** How many records a subject attracts: most few or none, some several, a few many (every grade occurs). */
const PROFILES = [
  { share: 0.45, weight: 0.15, directD: false },
  { share: 0.3, weight: 1, directD: false },
  { share: 0.17, weight: 3, directD: false },
  { share: 0.08, weight: 6, directD: true },
] as const;

/** Records fall on the 730 days from `firstDay`. */
export const generateDataSet = (
  subjectCount: number,
  recordCount: number,
  seed = 42,
  firstDay = '2025-01-01',
): DataSet => {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const profile = () => {
    let r = rand();
    for (const p of PROFILES) {
      r -= p.share;
      if (r < 0) return p;
    }
    return PROFILES[0];
  };
  const names = new Set<string>();
  const uniqueName = (make: () => string): string => {
    for (let attempt = 0; ; attempt++) {
      const n = make();
      const name = attempt < 20 ? n : n.replace(/(有限|股份)/, `${attempt}$1`);
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const cityOf = (league: LeagueCode) => LEAGUES[league].replace(/市$/, '');
  const personName = () => (rand() < 0.2 ? pick(MONGOLIAN) : pick([...SURNAMES]) + pick(GIVEN));

  const subjects: Subject[] = [];
  const weights: number[] = [];
  const directDAllowed: boolean[] = [];
  const add = (s: Subject) => {
    const p = profile();
    subjects.push(s);
    weights.push(p.weight);
    directDAllowed.push(p.directD);
  };
  const nEnterprises = Math.round(subjectCount * 0.75);
  const nAgencies = Math.round(subjectCount * 0.15);
  const nPractitioners = subjectCount - nEnterprises - nAgencies;
  for (let i = 0; i < nEnterprises; i++) {
    const league = pick(LEAGUE_CODES);
    const id = usccFor(i, league);
    const siteCount = pick([1, 1, 1, 2, 2, 3, 4]);
    const raw = Array.from({ length: siteCount }, () => 1 + Math.floor(rand() * 9));
    const total = raw.reduce((a, b) => a + b, 0);
    // Shares in hundredths that sum to 1 exactly; one site in twenty has no declared share.
    const shares = raw.map((r) => Math.floor((r / total) * 100));
    shares[0]! += 100 - shares.reduce((a, b) => a + b, 0);
    const siteNames = [...SITE_NAMES].sort(() => rand() - 0.5);
    add({
      kind: 'enterprise',
      id,
      league,
      name: uniqueName(() => `${cityOf(league)}${pick(BRANDS)}${pick(TRADES[league])}${pick(COMPANY_FORMS)}`),
      sites: shares.map((share, s) => ({
        siteId: `${id}${String(s + 1).padStart(3, '0')}P`,
        name: siteCount === 1 ? '本厂' : siteNames[s]!,
        outputShare: rand() < 0.05 ? null : share / 100,
      })),
    });
  }
  const agencyIds: string[] = [];
  for (let i = 0; i < nAgencies; i++) {
    const league = pick(LEAGUE_CODES);
    const id = usccFor(i, league, 'MB');
    const category = AGENCY_CATEGORIES[i % AGENCY_CATEGORIES.length]!;
    const categories: AgencyCategory[] =
      rand() < 0.2 ? [category, pick(AGENCY_CATEGORIES.filter((c) => c !== category))] : [category];
    agencyIds.push(id);
    add({
      kind: 'agency',
      id,
      league,
      name: uniqueName(
        () => `${rand() < 0.5 ? '内蒙古' : cityOf(league)}${pick(BRANDS)}${pick(AGENCY_TRADES[category])}`,
      ),
      categories,
    });
  }
  for (let i = 0; i < nPractitioners; i++) {
    const league = pick(LEAGUE_CODES);
    // Mostly staff of agencies (Annex 2: their records weigh on the employer); some of enterprises.
    const employer =
      rand() < 0.8 || nEnterprises === 0
        ? { kind: 'agency' as const, id: pick(agencyIds) }
        : { kind: 'enterprise' as const, id: subjects[Math.floor(rand() * nEnterprises)]!.id };
    add({ kind: 'practitioner', id: residentFor(i, league), name: personName(), league, employer });
  }

  // Cumulative weights by kind, so records go mostly to the few subjects that attract many.
  const byKind = (from: number, to: number) => {
    const cumulative: number[] = [];
    let sum = 0;
    for (let i = from; i < to; i++) {
      sum += weights[i]!;
      cumulative.push(sum);
    }
    return () => {
      const x = rand() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return from + lo;
    };
  };
  const pickEnterprise = byKind(0, nEnterprises);
  const pickAgency = byKind(nEnterprises, nEnterprises + nAgencies);
  const pickPractitioner = byKind(nEnterprises + nAgencies, subjectCount);
  const rules = {
    enterprise: { normal: codes('enterprise', false), directD: codes('enterprise', true) },
    agency: { normal: codes('agency', false), directD: codes('agency', true) },
    practitioner: { normal: codes('practitioner', false), directD: codes('practitioner', true) },
  };
  const ruleFor = (kind: 'enterprise' | 'agency' | 'practitioner', index: number) =>
    directDAllowed[index] && rules[kind].directD.length > 0 && rand() < 0.15
      ? pick(rules[kind].directD)
      : pick(rules[kind].normal);

  const records: CreditRecord[] = [];
  const push = (r: CreditRecordInput) => records.push(toCreditRecord(r));
  const enterpriseEvents: string[] = [];
  for (let i = 0; i < recordCount; i++) {
    // 91 % enterprises, 4 % agencies (their Annex 2 deductions are heavy), 5 % practitioners
    const roll = rand();
    const index =
      roll < 0.91 || nAgencies + nPractitioners === 0
        ? pickEnterprise()
        : roll < 0.95 && nAgencies > 0
          ? pickAgency()
          : nPractitioners > 0
            ? pickPractitioner()
            : pickAgency();
    const s = subjects[index]!;
    const occurredOn = addDays(firstDay, Math.floor(rand() * 730));
    const eventId = `B-${i}`;
    const league = s.league ?? '150100';
    const base = { eventId, occurredOn, department: `${league}-EEB`, league };
    if (s.kind === 'enterprise') {
      const rule = ruleFor('enterprise', index);
      const site = pick(s.sites!);
      const rectified = rand() < 0.4 ? addDays(occurredOn, Math.floor(rand() * 200)) : null;
      push({
        ...base,
        rule,
        subject: { kind: 'enterprise', id: s.id, siteId: site.siteId },
        ...(rule === 'ENF_FINE'
          ? {
              fineYuan:
                pick([5_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000]) + Math.floor(rand() * 5_000),
            }
          : {}),
        ...(rule === 'D14_OTHER_LEGAL' ? { legalBasis: '法律依据' } : {}),
        caseNo: rule.startsWith('ENF_')
          ? `${LEAGUES[league as LeagueCode] ?? ''}环罚〔${occurredOn.slice(0, 4)}〕${Math.floor(rand() * 3) + 1}号`
          : null,
        warning:
          rand() < 0.1 && !rule.startsWith('SR_C') && !rule.startsWith('SR_P') && !rule.startsWith('PI_')
            ? { issuedOn: occurredOn, deadline: addDays(occurredOn, 30) }
            : null,
        rectifiedOn: rectified,
        revokedOn: rand() < 0.03 ? addDays(occurredOn, 60) : null,
      });
      enterpriseEvents.push(eventId);
    } else if (s.kind === 'agency') {
      // An agency's record may cite its client's record (Annex 2 "同委托单位").
      const client = enterpriseEvents.length > 0 && rand() < 0.4 ? pick(enterpriseEvents) : null;
      const rule = client ? 'AG_CLIENT_DEDUCTED' : ruleFor('agency', index);
      push({
        ...base,
        subject: { kind: 'agency', id: s.id },
        rule,
        ...(client ? { clientEventId: client } : {}),
        ...(rule === 'D14_OTHER_LEGAL' ? { legalBasis: '法律依据' } : {}),
      });
    } else {
      push({ ...base, subject: { kind: 'practitioner', id: s.id }, rule: ruleFor('practitioner', index) });
    }
  }
  return { subjects, records };
};
