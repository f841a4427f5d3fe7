import type { LegalDate } from '../dates.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { Practitioner } from '../subjects/subject.ts';
import { measuresForPractitioner } from './measures.ts';
import { type Note, note } from './notes.ts';
import { DISHONEST_RECORD_THRESHOLD } from './options.ts';
import { classifyAll, type PractitionerResult, pendingOf, reasonNotes, type SubjectContext, toItem } from './result.ts';

/** Art 13: "相关从业人员环保信用评价仅评价环保失信个人一个等级". */
export const DISHONEST_INDIVIDUAL_NAME = '环保失信个人';

/**
 * A practitioner: records counted in the evaluation year across every department and league
 * (Art 13, 18(3)); 2 or more → environmental-dishonest individual (I5; option
 * requireDistinctDepartments demands two departments).
 */
export const evaluatePractitioner = (
  subject: Practitioner,
  records: readonly CreditRecord[],
  ctx: SubjectContext,
): PractitionerResult & { readonly firstCountedOn: LegalDate | null } => {
  const { year, asOf, options } = ctx.period;
  const classified = classifyAll(records, ctx);
  const counted = classified.filter((c) => c.state === 'counted');
  const departments = new Set(counted.map((c) => c.record.department));
  const byCount = counted.length >= DISHONEST_RECORD_THRESHOLD;
  const byDepartments = departments.size >= DISHONEST_RECORD_THRESHOLD;
  const notes: Note[] = [];
  const dishonest = options.requireDistinctDepartments ? byDepartments : byCount;
  if (byCount && !byDepartments)
    notes.push(
      options.requireDistinctDepartments
        ? note(
            'I5',
            `I5: ${counted.length} records from one department; two departments required, not dishonest`,
            `${counted.length}条失信信息均由同一部门产生；须为不同部门产生，不评定为环保失信个人（第十三条）`,
          )
        : note(
            'I5',
            `I5: ${counted.length} records from one department count together; dishonest`,
            `${counted.length}条失信信息由同一部门产生，累计计算，评定为环保失信个人（第十三条）`,
          ),
    );
  let suspended: { reason: string } | undefined;
  if (subject.suspended) {
    suspended = { reason: subject.suspended.reason };
    notes.push(
      note(
        'I15',
        `I15: suspended (${subject.suspended.reason}); no grade for ${year}`,
        `涉嫌违法犯罪（${subject.suspended.reason}），不在${year}年度评价范围内（第六条第九项）`,
      ),
    );
  }
  const verdict = suspended ? null : dishonest;
  const all = [...reasonNotes(classified, year), ...notes];
  return {
    subject: { kind: 'practitioner', id: subject.id, ...(subject.name ? { name: subject.name } : {}) },
    year,
    asOf,
    status: 'live',
    dishonest: verdict,
    gradeName: verdict === true ? DISHONEST_INDIVIDUAL_NAME : null,
    records: counted.length,
    items: classified.map(toItem),
    pending: pendingOf(classified, asOf),
    notes: all.map((n) => n.line),
    noteDetails: all.map((n) => n.detail),
    repair: [],
    measures: measuresForPractitioner(verdict === true),
    ...(suspended ? { suspended } : {}),
    firstCountedOn: counted[0]?.record.occurredOn ?? null,
  };
};
