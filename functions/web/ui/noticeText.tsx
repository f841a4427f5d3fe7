/** A notice's or letter's text as issued: paragraphs separated by blank lines, lines within (docs/notices.md). */
export const NoticeText = ({
  title,
  body,
  className,
  heading = false,
}: {
  title: string;
  body: string;
  className: string;
  /** The title as a heading inside the text (a letter printed alone). */
  heading?: boolean;
}) => (
  <article class={className} aria-label={title}>
    {heading ? <h2>{title}</h2> : null}
    {body.split('\n\n').map((paragraph) => (
      <p>
        {paragraph.split('\n').map((line, i) => (
          <>
            {i > 0 ? <br /> : null}
            {line}
          </>
        ))}
      </p>
    ))}
  </article>
);
