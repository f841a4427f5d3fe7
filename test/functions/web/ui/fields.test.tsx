import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { AGENCY_CATEGORIES, AGENCY_CATEGORY_NAMES } from '../../../../domain/catalogue/kinds.ts';
import { AgencyCategoriesFieldset } from '../../../../functions/web/ui/fields.tsx';

describe('the agency categories of Annex 2 as check boxes', () => {
  it('labels every category with its annex name and checks the ones given', () => {
    const html = render(<AgencyCategoriesFieldset legend="机构类别" checked={(c) => c === 'monitoring'} />);
    expect(html).toContain('<legend>机构类别</legend>');
    for (const c of AGENCY_CATEGORIES)
      expect(html).toContain(`<label for="category-${c}" class="inline-label">${AGENCY_CATEGORY_NAMES[c]}</label>`);
    expect(html.match(/checked/g)).toHaveLength(1);
    expect(html).toMatch(/value="monitoring" checked/);
  });
});
