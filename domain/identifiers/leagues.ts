/**
 * The twelve leagues and cities (盟市) of Inner Mongolia by administrative division code, and the
 * autonomous-region department (docs/rules.md §1; Art 8: the region organises, the league bureaus run it).
 */
export const REGION_CODE = '150000' as const;

export const LEAGUES = {
  '150100': '呼和浩特市',
  '150200': '包头市',
  '150300': '乌海市',
  '150400': '赤峰市',
  '150500': '通辽市',
  '150600': '鄂尔多斯市',
  '150700': '呼伦贝尔市',
  '150800': '巴彦淖尔市',
  '150900': '乌兰察布市',
  '152200': '兴安盟',
  '152500': '锡林郭勒盟',
  '152900': '阿拉善盟',
} as const;

export type LeagueCode = keyof typeof LEAGUES;
export type JurisdictionCode = LeagueCode | typeof REGION_CODE;

export const LEAGUE_CODES = Object.keys(LEAGUES) as LeagueCode[];
export const JURISDICTION_CODES: JurisdictionCode[] = [REGION_CODE, ...LEAGUE_CODES];

const REGION_NAME = '内蒙古自治区生态环境厅';

export const isLeagueCode = (s: string): s is LeagueCode => Object.hasOwn(LEAGUES, s);
export const isJurisdictionCode = (s: string): s is JurisdictionCode => s === REGION_CODE || isLeagueCode(s);

export const jurisdictionName = (code: JurisdictionCode): string =>
  code === REGION_CODE ? REGION_NAME : `${LEAGUES[code]}生态环境局`;
