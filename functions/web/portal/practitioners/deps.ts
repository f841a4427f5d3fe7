import type { FilePractitioners } from '../../../practitioners/filePractitioners.ts';

/** What the portal's practitioners page uses: the employer's filings and letters (Art 18(1), Annex 5). */
export interface PortalPractitionerDeps {
  readonly file: Pick<FilePractitioners, 'view' | 'file' | 'recordLetter'>;
}
