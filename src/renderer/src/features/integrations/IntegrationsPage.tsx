import { useApp } from '../../app/store';
import { IncomingHooksSection } from './IncomingHooksSection';
import { OutgoingHooksSection } from './OutgoingHooksSection';
import { SlashCommandsSection } from './SlashCommandsSection';
import { useIntegrations } from './use-integrations';
import './integrations.css';

/**
 * Incoming and outgoing webhooks and slash commands of the team: create, edit, list, delete,
 * regenerate tokens, with the URLs and tokens to paste into an integration. Everything goes
 * through REST v4 as sysadmin.
 */
export function IntegrationsPage() {
  useIntegrations();
  const view = useApp((s) => s.integrationsView);
  const error = useApp((s) => s.integrationsError);
  if (!view) return <p className="app-loading">Loading…</p>;
  return (
    <main className="integrations">
      <header className="composer__toolbar">
        <h1>Integrations</h1>
      </header>
      {error && (
        <p className="has-error control-label" role="alert">
          {error}
        </p>
      )}
      <IncomingHooksSection view={view} />
      <OutgoingHooksSection view={view} />
      <SlashCommandsSection view={view} />
    </main>
  );
}
