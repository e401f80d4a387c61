import { useI18n } from '../i18n/i18n';
import { relativeParts } from '../text/relative-time';

/**
 * A date in the reader's language, or how long ago ("relative", for moderators, for whom the
 * age of a case is what matters); the exact time stays in the title for whoever wants it.
 */
export function When({ at, relative = false }: { at: string | null | undefined; relative?: boolean }) {
  const { language } = useI18n();
  if (!at) return null;
  const date = new Date(at);
  const text = relative ? ago(date, language) : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  return (
    <time dateTime={at} title={date.toLocaleString(language)}>
      {text}
    </time>
  );
}

function ago(date: Date, language: string): string {
  const { value, unit } = relativeParts(date.getTime(), Date.now());
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(value, unit);
}
