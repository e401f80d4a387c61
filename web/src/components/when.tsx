import { useI18n } from '../i18n/i18n';

/** A date in the reader's language; the exact time stays in the title for whoever wants it. */
export function When({ at }: { at: string | null | undefined }) {
  const { language } = useI18n();
  if (!at) return null;
  const date = new Date(at);
  const text = new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  return (
    <time dateTime={at} title={date.toLocaleString(language)}>
      {text}
    </time>
  );
}
