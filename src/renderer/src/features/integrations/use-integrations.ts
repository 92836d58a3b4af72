import { useCallback, useEffect, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Command, IncomingWebhook, OutgoingWebhook } from '../../../../shared/mattermost/model';
import { rest } from '../../app/rest-client';
import { useApp } from '../../app/store';

export interface Integrations {
  view: ChannelView | null;
  incoming: IncomingWebhook[];
  outgoing: OutgoingWebhook[];
  commands: Command[];
  error: string | null;
  /** Calls REST v4 as sysadmin, then reloads the lists; answers whether it worked (else `error` says why). */
  act: (method: string, path: string, body?: unknown) => Promise<boolean>;
}

/** The team's hooks and commands, read and changed through Mattermost's own REST API as sysadmin. */
export function useIntegrations(): Integrations {
  const { control, sessionFor } = useApp();
  const [view, setView] = useState<ChannelView | null>(null);
  const [lists, setLists] = useState<Omit<Integrations, 'view' | 'error' | 'act'>>({ incoming: [], outgoing: [], commands: [] });
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!control) return;
    const loaded = await control.call('GET /view/channel', { query: {} });
    setView(loaded);
    const token = await sessionFor(loaded.viewer.id);
    const team = loaded.team.id;
    const [incoming, outgoing, commands] = await Promise.all([
      rest<IncomingWebhook[]>(token, 'GET', `/hooks/incoming?team_id=${team}&per_page=200`),
      rest<OutgoingWebhook[]>(token, 'GET', `/hooks/outgoing?team_id=${team}&per_page=200`),
      rest<Command[]>(token, 'GET', `/commands?team_id=${team}&custom_only=true`),
    ]);
    setLists({ incoming, outgoing, commands });
  }, [control, sessionFor]);

  useEffect(() => {
    reload().catch((e: Error) => setError(e.message));
  }, [reload]);

  const act = async (method: string, path: string, body?: unknown) => {
    setError(null);
    try {
      await rest(await sessionFor(view!.viewer.id), method, path, body);
      await reload();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  return { view, ...lists, error, act };
}
