import type { ResultItem } from '../../../../domain/evaluation/result.ts';
import { DISPUTED_TEXT, GRADE_DEPENDS_TEXT } from '../../../../domain/objections/objection.ts';

/**
 * The disputed records of a subject's result and, when its proposed grade depends on one (or the
 * pre-grade itself is disputed), that it does — shown above the result on the console's subject page.
 */
export const DisputedNotice = ({
  disputed,
  items,
}: {
  disputed: { readonly records: ReadonlySet<string>; readonly preGrade: boolean };
  items: readonly Pick<ResultItem, 'eventId' | 'wording' | 'state'>[];
}) => {
  if (disputed.records.size === 0 && !disputed.preGrade) return null;
  const depends = disputed.preGrade || items.some((i) => i.state === 'counted' && disputed.records.has(i.eventId));
  return (
    <div class="notice" role="note">
      {depends ? <p>{GRADE_DEPENDS_TEXT}。</p> : null}
      <ul>
        {[...disputed.records].map((id) => (
          <li>{`${items.find((i) => i.eventId === id)?.wording ?? '信用信息'}（${id}）：${DISPUTED_TEXT}`}</li>
        ))}
        {disputed.preGrade ? <li>{`预评等级整体：${DISPUTED_TEXT}`}</li> : null}
      </ul>
      <p>
        <a href="/console/objections">查看异议复核</a>
      </p>
    </div>
  );
};
