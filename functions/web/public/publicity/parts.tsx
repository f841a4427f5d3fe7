import type { PublicityStatus } from '../../../publicity/publicityLists.ts';
import { chineseDate, kindName } from '../../ui/format.ts';

/** `2025年度企业环保信用评价结果公示` */
export const publicityTitle = (p: Pick<PublicityStatus, 'year' | 'kind'>): string =>
  `${p.year}年度${kindName(p.kind)}环保信用评价拟定等级公示`;

/** `公示期 2026年5月6日至5月14日`: the second date without its year when it is the same. */
export const windowText = (p: Pick<PublicityStatus, 'opensOn' | 'closesOn'>): string => {
  const to = chineseDate(p.closesOn);
  const sameYear = p.opensOn.slice(0, 4) === p.closesOn.slice(0, 4);
  return `公示期 ${chineseDate(p.opensOn)}至${sameYear ? to.replace(/^\d{4}年/, '') : to}`;
};

export const WindowState = ({ p }: { p: PublicityStatus }) =>
  p.open ? (
    <span class="tag">{`公示中，受理意见至${chineseDate(p.closesOn)} 24时`}</span>
  ) : (
    <span class="tag">公示已结束</span>
  );

export const publicityPath = (p: Pick<PublicityStatus, 'year' | 'kind'>): string => `/publicity/${p.year}/${p.kind}`;
