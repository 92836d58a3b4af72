import { useEffect, useState } from 'react';
import { lastChannel, startPage } from '../shell/last-place';
import { navigate } from './navigate';
import { useApp } from './store';

/**
 * `/`: where the app was left (the last page when it starts), else the last channel viewed while it
 * exists, else the home channel (Town Square of team dev, or a custom seed's first team and channel).
 */
export function HomeRedirect() {
  const control = useApp((s) => s.control);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const start = startPage();
    if (start) return navigate(start, { replace: true });
    control
      ?.call('GET /view/home', { query: lastChannel() ?? {} })
      .then(({ team, channel }) => navigate(`/${encodeURIComponent(team)}/channels/${encodeURIComponent(channel)}`, { replace: true }))
      .catch((e: Error) => setError(e.message));
  }, [control]);
  return error ? (
    <main className="app-message">
      <h1>Nothing to show</h1>
      <p role="alert">{error} Reset the workspace from the Settings page or the control API.</p>
      <p>
        <a href="/_mockmost/settings">Settings</a>
      </p>
    </main>
  ) : (
    <p className="app-loading">Loading…</p>
  );
}
