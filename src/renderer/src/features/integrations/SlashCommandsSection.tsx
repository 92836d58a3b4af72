import { useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { IntegrationSection, RowButton, useIntegrationActions } from './section-parts';

const METHODS = [
  { value: 'P', label: 'POST' },
  { value: 'G', label: 'GET' },
];

/** Slash commands: trigger, request URL and method, and the token the integration checks. */
export function SlashCommandsSection({ view }: { view: ChannelView }) {
  const commands = useApp((s) => s.integrations.commands);
  const { act, save, setEditing } = useIntegrationActions();
  const [trigger, setTrigger] = useState('weather');
  const [commandUrl, setCommandUrl] = useState('http://127.0.0.1:4000/command');
  return (
    <IntegrationSection
      id="slashCommands"
      title="Slash commands"
      inputs={
        <>
          <input aria-label="Trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)} />
          <input aria-label="Request URL" value={commandUrl} onChange={(e) => setCommandUrl(e.target.value)} />
        </>
      }
      addLabel="Add slash command"
      onAdd={() => act('POST', '/commands', { team_id: view.team.id, trigger, url: commandUrl, method: 'P', auto_complete: true })}
      items={commands}
      columns={4}
      fieldsOf={(c) => [
        { key: 'trigger', label: 'Trigger', value: c.trigger },
        { key: 'url', label: 'Request URL', value: c.url },
        { key: 'method', label: 'Method', value: c.method, options: METHODS },
      ]}
      onSave={(c, v) => save('PUT', `/commands/${c.id}`, { ...c, ...v })}
      row={(c) => (
        <tr key={c.id} data-command-id={c.id}>
          <td>/{c.trigger}</td>
          <td>
            {c.method === 'G' ? 'GET' : 'POST'} {c.url}
          </td>
          <td>
            token <code className="integrations__secret">{c.token}</code>
          </td>
          <td>
            <RowButton label="Edit" onClick={() => setEditing(c.id)} />
            <RowButton label="New token" onClick={() => void act('PUT', `/commands/${c.id}/regen_token`)} />
            <RowButton label="Delete" onClick={() => void act('DELETE', `/commands/${c.id}`)} />
          </td>
        </tr>
      )}
    />
  );
}
