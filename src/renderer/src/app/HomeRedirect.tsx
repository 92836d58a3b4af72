import { useEffect, useState } from 'react';
import { navigate } from './navigate';
import { useApp } from './store';

/** `/`: the home channel (Town Square of team dev, or a custom seed's first team and channel). */
export function HomeRedirect() {
  const control = useApp((s) => s.control);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    control
      ?.call('GET /view/home')
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
