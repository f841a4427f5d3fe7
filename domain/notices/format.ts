import type { LegalDate } from '../dates.ts';

/** `2026-05-13` → `2026年5月13日`: dates as notices write them. */
export const noticeDate = (d: LegalDate): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
};

/** The regulation as its title reads (the notices cite it by this title). */
export const REGULATION_TITLE = '《内蒙古自治区环保信用评价管理暂行办法》';
