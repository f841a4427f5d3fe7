import { evidenceHref } from './routes.ts';

/** A link that opens one evidence file (“查看”), named for screen readers by its number. */
export const EvidenceLink = ({ fileKey, n }: { fileKey: string; n: number }) => (
  <a href={evidenceHref(fileKey)} aria-label={`查看证明材料 ${n}`}>
    查看
  </a>
);

/** The evidence files of an application, a report or an objection, each with its “查看” link. */
export const EvidenceList = ({ keys }: { keys: readonly string[] }) =>
  keys.length === 0 ? (
    <>无</>
  ) : (
    <ul>
      {keys.map((k, i) => (
        <li>
          证明材料 {i + 1}：<EvidenceLink fileKey={k} n={i + 1} />
        </li>
      ))}
    </ul>
  );
