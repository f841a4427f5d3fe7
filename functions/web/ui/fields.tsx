import { AGENCY_CATEGORIES, AGENCY_CATEGORY_NAMES, type AgencyCategory } from '../../../domain/catalogue/kinds.ts';

/** The agency categories of Annex 2 as check boxes named `categories`, each with its annex name as its label. */
export const AgencyCategoriesFieldset = ({
  legend,
  checked,
}: {
  legend: string;
  checked: (category: AgencyCategory) => boolean;
}) => (
  <fieldset>
    <legend>{legend}</legend>
    {AGENCY_CATEGORIES.map((c) => (
      <div>
        <input type="checkbox" id={`category-${c}`} name="categories" value={c} checked={checked(c)} />{' '}
        <label for={`category-${c}`} class="inline-label">
          {AGENCY_CATEGORY_NAMES[c]}
        </label>
      </div>
    ))}
  </fieldset>
);
