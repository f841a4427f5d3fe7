import { FINDING_NAMES } from '../../../../domain/publicity/comment.ts';
import type { PublicComment } from '../../../ports/comments.ts';
import { chineseDate, kindName } from '../../ui/format.ts';

/** `2025年度企业公示意见` */
export const commentsTitle = (p: { readonly year: number; readonly kind: string }): string =>
  `${p.year}年度${kindName(p.kind)}公示意见`;

export const commentsPath = (p: { readonly year: number; readonly kind: string }): string =>
  `/console/comments/${p.year}/${p.kind}`;

export const windowShown = (p: { readonly opensOn: string; readonly closesOn: string }): string =>
  `公示期 ${chineseDate(p.opensOn)}至${chineseDate(p.closesOn)}`;

/** The finding as the list and the workbook write it. */
export const findingText = (c: PublicComment): string => (c.finding ? FINDING_NAMES[c.finding.finding] : '待调查核实');

export const reviewText = (c: PublicComment): string => (c.needsReview ? '是' : '否');
