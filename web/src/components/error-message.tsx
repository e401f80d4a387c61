import { ApiError } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const KNOWN = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'SUSPENDED', 'NETWORK']);

/** An API error in plain words; BAD_USER_INPUT keeps the server's own sentence (it names the field). */
export function errorText(error: unknown, t: (key: MessageKey) => string): string {
  if (!(error instanceof ApiError)) return t('error.INTERNAL_SERVER_ERROR');
  if (error.code === 'BAD_USER_INPUT' && error.message) return `${t('error.BAD_USER_INPUT')} ${error.message}`;
  return t(`error.${KNOWN.has(error.code) ? error.code : 'INTERNAL_SERVER_ERROR'}` as MessageKey);
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
