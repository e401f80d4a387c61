import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Header } from './components/header';
import { useI18n } from './i18n/i18n';
import { AccountPage } from './pages/account';
import { CheckInPage } from './pages/check-in';
import { ComposePage } from './pages/compose';
import { FeedPage } from './pages/feed';
import { HelpPage } from './pages/help';
import { NotFoundPage } from './pages/not-found';
import { NotificationsPage } from './pages/notifications';
import { RecoverPage } from './pages/recover';
import { RegisterPage } from './pages/register';
import { ResourcesPage } from './pages/resources';
import { SavedPage } from './pages/saved';
import { SearchPage } from './pages/search';
import { SignInPage } from './pages/sign-in';
import { ThreadPage } from './pages/thread';
import { matchRoute, useLocation, type Location } from './router';

type Params = Record<string, string>;
type Route = [pattern: string, render: (params: Params, location: Location) => preact.JSX.Element];

/** Moderator pages load only for moderators: members never download them. */
function lazy(load: () => Promise<ComponentType<Params>>): ComponentType<Params> {
  let loaded: ComponentType<Params> | null = null;
  return function Lazy(params: Params) {
    const [component, setComponent] = useState<ComponentType<Params> | null>(() => loaded);
    const { t } = useI18n();
    useEffect(() => {
      if (!component) void load().then((found) => setComponent(() => (loaded = found)));
    }, [component]);
    if (!component) return <p class="page">{t('common.loading')}</p>;
    const Component = component;
    return <Component {...params} />;
  };
}

const ModerationQueue = lazy(() => import('./pages/moderation/queue').then((module) => module.ModerationQueuePage));
const ResourcesAdmin = lazy(() => import('./pages/admin/resources-admin').then((module) => module.ResourcesAdminPage));
const ModerationCase = lazy(() => import('./pages/moderation/case').then((module) => module.ModerationCasePage as ComponentType<Params>));

const ROUTES: Route[] = [
  ['/', () => <FeedPage />],
  ['/s/:slug', ({ slug }) => <FeedPage key={slug} spaceSlug={slug} />],
  ['/t/:id', ({ id }) => <ThreadPage key={id} id={id} />],
  ['/search', (_, location) => <SearchPage initial={location.query.get('q') ?? ''} />],
  ['/new', (_, location) => <ComposePage spaceId={location.query.get('space')} />],
  ['/join', () => <RegisterPage />],
  ['/sign-in', () => <SignInPage />],
  ['/recover', () => <RecoverPage />],
  ['/account', () => <AccountPage />],
  ['/check-in', () => <CheckInPage />],
  ['/notifications', () => <NotificationsPage />],
  ['/help', () => <HelpPage />],
  ['/resources', (_, location) => <ResourcesPage topic={location.query.get('topic')} />],
  ['/resources/manage', () => <ResourcesAdmin />],
  ['/saved', () => <SavedPage />],
  ['/moderation', () => <ModerationQueue />],
  ['/moderation/cases/:id', ({ id }) => <ModerationCase key={id} id={id} />],
];

export function App() {
  const location = useLocation();
  let page: preact.JSX.Element = <NotFoundPage />;
  for (const [pattern, render] of ROUTES) {
    const params = matchRoute(pattern, location.path);
    if (params) {
      page = render(params, location);
      break;
    }
  }
  return (
    <>
      <Header />
      <main id="main">{page}</main>
    </>
  );
}
