import { useEffect, useState } from 'react';
import { ChannelPage } from '../features/channel/ChannelPage';
import { PermalinkPage } from '../features/channel/PermalinkPage';
import { ComposerPage } from '../features/composer/ComposerPage';
import { IntegrationsPage } from '../features/integrations/IntegrationsPage';
import { TrafficPage } from '../features/traffic/TrafficPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppShell } from '../shell/AppShell';
import { useTheme } from '../theme/use-theme';
import { TokenPrompt } from '../ui/TokenPrompt';
import { HomeRedirect } from './HomeRedirect';
import { parseRoute, type Route } from './routes';
import { useApp } from './store';

function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    // A child may have navigated in its own first effect, which runs before this one subscribes.
    onPop();
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return path;
}

function Page({ route, path }: { route: Route; path: string }) {
  if (route.name === 'channel') return <ChannelPage team={route.team} channel={route.channel} />;
  if (route.name === 'permalink') return <PermalinkPage team={route.team} postId={route.postId} />;
  if (route.name === 'composer') return <ComposerPage />;
  if (route.name === 'integrations') return <IntegrationsPage />;
  if (route.name === 'traffic') return <TrafficPage />;
  if (route.name === 'settings') return <SettingsPage />;
  return (
    <main className="app-message">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{path}</code>. <a href="/">Open the channels</a>.
      </p>
    </main>
  );
}

export function App() {
  useTheme();
  const control = useApp((s) => s.control);
  const path = usePath();
  if (!control) return <TokenPrompt />;
  if (path === '/') return <HomeRedirect />;
  const route = parseRoute(path);
  return (
    <AppShell path={path} route={route}>
      <Page route={route} path={path} />
    </AppShell>
  );
}
