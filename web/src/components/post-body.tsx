import { splitBySpans, type Span } from '../text/highlight-spans';

/**
 * Post text is rendered as text: paragraphs split on blank lines, line breaks kept by CSS.
 * Preact escapes every string, so nothing a member writes can become markup or script.
 * Moderators see the words a reason is about marked in place.
 */
export function PostBody({ body, highlights = [] }: { body: string; highlights?: Span[] }) {
  if (highlights.length > 0) {
    return (
      <div class="post-body">
        <p class="preserve">
          {splitBySpans(body, highlights).map((piece, index) =>
            piece.span ? (
              <mark key={index} title={piece.span.label}>
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          )}
        </p>
      </div>
    );
  }
  return (
    <div class="post-body">
      {body.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
