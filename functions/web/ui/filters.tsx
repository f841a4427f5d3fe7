import { GRADE_NAMES, type Grade } from '../../../domain/evaluation/grade.ts';
import { GRADES, kindName, leagueName } from './format.ts';

/** One choice of a filter: the value sent and the words shown. */
export interface FilterOption {
  readonly value: string;
  readonly text: string;
}

/** `A 环保诚信单位` …: a grade with its name, as the filters offer them. */
export const gradeOptions = (grades: readonly Grade[] = GRADES): FilterOption[] =>
  grades.map((g) => ({ value: g, text: `${g} ${GRADE_NAMES[g]}` }));
export const leagueOptions = (codes: readonly string[]): FilterOption[] =>
  codes.map((c) => ({ value: c, text: leagueName(c) }));
export const kindOptions = (kinds: readonly string[]): FilterOption[] =>
  kinds.map((k) => ({ value: k, text: kindName(k) }));

/**
 * A labelled select of a GET filter bar (`<form class="filters">`). `all` is the first option's words
 * for "no filter" (value ''); without it every choice is a value. The control's id is its name unless `id`.
 */
export const SelectFilter = ({
  name,
  id = name,
  label,
  options,
  selected,
  all,
}: {
  name: string;
  id?: string;
  label: string;
  options: readonly FilterOption[];
  selected: string | undefined;
  all?: string;
}) => (
  <div>
    <label for={id}>{label}</label>
    <select id={id} name={name}>
      {all === undefined ? null : <option value="">{all}</option>}
      {options.map((o) => (
        <option value={o.value} selected={selected === o.value}>
          {o.text}
        </option>
      ))}
    </select>
  </div>
);
