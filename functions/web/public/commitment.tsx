import { LetterText, SignatureFacts } from '../ui/commitmentLetter.tsx';
import type { PublishedCommitment } from './viewPublishedResult.ts';

/**
 * The credit commitment letter (信用承诺书) of the shown year, signed by the unit's legal
 * representative (or principal person) and public by its own words (Annex 4: "同意本承诺书向社会公开").
 * Enterprises and agencies only: practitioners never appear on the public site (Art 18(6), 35).
 */
export const CommitmentLetterSection = ({ letter }: { letter: PublishedCommitment | null }) => (
  <section aria-labelledby="commitment">
    <h2 id="commitment">信用承诺书</h2>
    {letter === null ? (
      <p class="muted">本系统暂未收录该单位的信用承诺书。</p>
    ) : (
      <>
        <LetterText text={letter.text} />
        <SignatureFacts signed={letter} />
      </>
    )}
  </section>
);
