import { type Cycle, stageOf } from '../cycles/cycle.ts';

/**
 * Whether the review group may decide now; the reason in Chinese when not. Art 16(4), 17(6), 18(5):
 * the review (复核审定) follows the publicity and ends when the region confirms it — decisions are
 * taken in the REVIEW stage, until `reviewConfirmed` is recorded (after it, the results are final).
 */
export const reviewClosedReason = (cycle: Cycle): string | null => {
  if (!cycle.region || stageOf(cycle, null) !== 'REVIEW') return '当前不在复核审定阶段，不能作出复核决定';
  if (cycle.region.done.includes('reviewConfirmed')) return '复核审定已完毕，评定结果已确定，不能再作出复核决定';
  return null;
};
