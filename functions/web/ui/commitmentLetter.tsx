import { legalDateOfInstant } from '../../../domain/dates.ts';
import type { SignedCommitment } from '../../ports/commitments.ts';
import { chineseDate } from './format.ts';

/**
 * A commitment letter's text as a letter (Annex 4, 5): its first line is the title, every other
 * line a paragraph. With a signature, the signer, the date and the text's SHA-256 follow it.
 */
export const LetterText = ({ text, labelledBy }: { text: string; labelledBy?: string }) => {
  const [title = '', ...paragraphs] = text.split('\n');
  return (
    <article class="card" {...(labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': title })}>
      <h3>{title}</h3>
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </article>
  );
};

/** The signature of a signed letter: who signed it, in what role, on which day, and the text's hash. */
export const SignatureFacts = ({ signed }: { signed: Omit<SignedCommitment, 'signedBy'> }) => (
  <dl class="facts">
    <dt>法定代表人（或主要负责人）</dt>
    <dd>{signed.signerName}</dd>
    <dt>职务</dt>
    <dd>{signed.signerRole}</dd>
    <dt>签署日期</dt>
    <dd>{chineseDate(legalDateOfInstant(signed.signedAt))}</dd>
    <dt>承诺书文本 SHA-256</dt>
    <dd>
      <code>{signed.textHash}</code>
    </dd>
  </dl>
);
