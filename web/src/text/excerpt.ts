export const EXCERPT_CHARS = 280;

/** The start of a post for a list, cut at a word where one is near the limit. */
export function excerpt(body: string, limit = EXCERPT_CHARS): string {
  if (body.length <= limit) return body;
  const cut = body.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > limit * 0.6 ? space : limit)}…`;
}
