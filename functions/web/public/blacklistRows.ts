import type { BlacklistRow } from '../../results-use/currentBlacklist.ts';

export const BLACKLIST_TITLE = '环境保护领域失信黑名单';

/** Why an entry is listed, in the regulation's words (Art 19). */
export const blacklistReason = (r: Pick<BlacklistRow, 'years'>): string =>
  `连续${r.years.length}年（${r.years.map((y) => `${y}年度`).join('、')}）评定为D级（第十九条）`;
