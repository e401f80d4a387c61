import { useI18n, LANGUAGES, type Language } from '../i18n/i18n';
import { Link } from '../router';
import { isModerator, useSession } from '../session';

/** Help now comes first in the header, on every page, for everyone. */
export function Header() {
  const { t, language, setLanguage } = useI18n();
  const { account } = useSession();
  const unread = account?.notifications.unreadCount ?? 0;
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Link class="brand" href="/">
        Kindred
      </Link>
      <Link class="help-now" href="/help">
        {t('nav.helpNow')}
      </Link>
      <nav aria-label={t('nav.label')}>
        <ul>
          <li>
            <Link href="/">{t('nav.feed')}</Link>
          </li>
          <li>
            <Link href="/search">{t('nav.search')}</Link>
          </li>
          <li>
            <Link href="/resources">{t('nav.resources')}</Link>
          </li>
          {account && (
            <>
              <li>
                <Link href="/new">{t('nav.newThread')}</Link>
              </li>
              <li>
                <Link href="/check-in">{t('nav.checkIn')}</Link>
              </li>
              <li>
                <Link href="/notifications">
                  {t('nav.notifications')}
                  {unread > 0 && (
                    <>
                      <span class="count-badge" aria-hidden="true">
                        {unread}
                      </span>
                      <span class="visually-hidden">{` ${t('nav.unread', { count: unread })}`}</span>
                    </>
                  )}
                </Link>
              </li>
              {isModerator(account) && (
                <li>
                  <Link href="/moderation">{t('nav.moderation')}</Link>
                </li>
              )}
              <li>
                <Link href="/account">{t('nav.account')}</Link>
              </li>
            </>
          )}
          {account === null && (
            <>
              <li>
                <Link href="/sign-in">{t('nav.signIn')}</Link>
              </li>
              <li>
                <Link href="/join">{t('nav.join')}</Link>
              </li>
            </>
          )}
          <li>
            <Link href="/saved">{t('nav.saved')}</Link>
          </li>
        </ul>
      </nav>
      <label class="language">
        <span class="visually-hidden">{t('nav.language')}</span>
        <select value={language} onChange={(event) => setLanguage(event.currentTarget.value as Language)}>
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
