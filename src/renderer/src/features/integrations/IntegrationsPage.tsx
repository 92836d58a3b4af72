import { useState, type FormEvent } from 'react';
import { EditableRows } from './EditForm';
import { useIntegrations } from './use-integrations';
import { BackToChannels } from '../../ui/BackToChannels';

const origin = () => window.location.origin;

function RowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-tertiary" onClick={onClick}>
      {label}
    </button>
  );
}

const METHODS = [
  { value: 'P', label: 'POST' },
  { value: 'G', label: 'GET' },
];

const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * Incoming and outgoing webhooks and slash commands of the team: create, edit, list, delete,
 * regenerate tokens, with the URLs and tokens to paste into an integration. Everything goes
 * through REST v4 as sysadmin.
 */
export function IntegrationsPage() {
  const { view, incoming, outgoing, commands, error, act } = useIntegrations();
  const [channelId, setChannelId] = useState('');
  const [callback, setCallback] = useState('http://127.0.0.1:4000/outgoing');
  const [triggers, setTriggers] = useState('build');
  const [trigger, setTrigger] = useState('weather');
  const [commandUrl, setCommandUrl] = useState('http://127.0.0.1:4000/command');
  /** The id of the hook or command being edited. */
  const [editing, setEditing] = useState<string | null>(null);
  const save = (method: string, path: string, body: unknown) => void act(method, path, body).then((ok) => ok && setEditing(null));
  if (!view) return <p className="app-loading">Loading…</p>;
  const channel = channelId || view.channel.id;
  const channelName = (id: string) => view.channels.find((c) => c.id === id)?.display_name ?? (id ? id : 'any channel');
  const submit = (handler: () => Promise<unknown>) => (e: FormEvent) => {
    e.preventDefault();
    void handler();
  };
  const channelOptions = view.channels.map((c) => ({ value: c.id, label: c.display_name }));
  const channelSelect = (
    <select aria-label="Channel" value={channel} onChange={(e) => setChannelId(e.target.value)}>
      {view.channels.map((c) => (
        <option key={c.id} value={c.id}>
          {c.display_name}
        </option>
      ))}
    </select>
  );

  return (
    <main className="integrations">
      <header className="composer__toolbar">
        <BackToChannels />
        <h1>Integrations</h1>
      </header>
      {error && (
        <p className="has-error control-label" role="alert">
          {error}
        </p>
      )}
      <section id="incomingWebhooks">
        <h2>Incoming webhooks</h2>
        <form onSubmit={submit(() => act('POST', '/hooks/incoming', { channel_id: channel, display_name: 'New hook' }))}>
          {channelSelect}
          <button type="submit" className="btn btn-primary">
            Add incoming webhook
          </button>
        </form>
        <table className="integrations__table">
          <tbody>
            <EditableRows
              items={incoming}
              columns={4}
              editing={editing}
              setEditing={setEditing}
              fieldsOf={(h) => [
                { key: 'display_name', label: 'Name', value: h.display_name },
                { key: 'channel_id', label: 'Channel', value: h.channel_id, options: channelOptions },
              ]}
              onSave={(h, v) => save('PUT', `/hooks/incoming/${h.id}`, { ...h, ...v })}
              row={(h) => (
                <tr key={h.id} data-hook-id={h.id}>
                  <td>{h.display_name || '(no name)'}</td>
                  <td>{channelName(h.channel_id)}</td>
                  <td>
                    <code className="integrations__secret">{`${origin()}/hooks/${h.id}`}</code>
                  </td>
                  <td>
                    <RowButton label="Edit" onClick={() => setEditing(h.id)} />
                    <RowButton label="Delete" onClick={() => void act('DELETE', `/hooks/incoming/${h.id}`)} />
                  </td>
                </tr>
              )}
            />
          </tbody>
        </table>
      </section>
      <section id="outgoingWebhooks">
        <h2>Outgoing webhooks</h2>
        <form
          onSubmit={submit(() =>
            act('POST', '/hooks/outgoing', {
              team_id: view.team.id,
              channel_id: channel,
              display_name: 'New outgoing hook',
              trigger_words: words(triggers),
              callback_urls: [callback],
            }),
          )}
        >
          {channelSelect}
          <input aria-label="Trigger words" value={triggers} onChange={(e) => setTriggers(e.target.value)} />
          <input aria-label="Callback URL" value={callback} onChange={(e) => setCallback(e.target.value)} />
          <button type="submit" className="btn btn-primary">
            Add outgoing webhook
          </button>
        </form>
        <table className="integrations__table">
          <tbody>
            <EditableRows
              items={outgoing}
              columns={5}
              editing={editing}
              setEditing={setEditing}
              fieldsOf={(h) => [
                { key: 'display_name', label: 'Name', value: h.display_name },
                { key: 'trigger_words', label: 'Trigger words', value: h.trigger_words.join(', ') },
                { key: 'callback_urls', label: 'Callback URLs', value: h.callback_urls.join(' ') },
              ]}
              onSave={(h, v) =>
                save('PUT', `/hooks/outgoing/${h.id}`, {
                  ...h,
                  display_name: v.display_name,
                  trigger_words: words(v.trigger_words!),
                  callback_urls: words(v.callback_urls!),
                })
              }
              row={(h) => (
                <tr key={h.id} data-hook-id={h.id}>
                  <td>{h.trigger_words.join(', ')}</td>
                  <td>{channelName(h.channel_id)}</td>
                  <td>{h.callback_urls.join(' ')}</td>
                  <td>
                    token <code className="integrations__secret">{h.token}</code>
                  </td>
                  <td>
                    <RowButton label="Edit" onClick={() => setEditing(h.id)} />
                    <RowButton label="New token" onClick={() => void act('POST', `/hooks/outgoing/${h.id}/regen_token`)} />
                    <RowButton label="Delete" onClick={() => void act('DELETE', `/hooks/outgoing/${h.id}`)} />
                  </td>
                </tr>
              )}
            />
          </tbody>
        </table>
      </section>
      <section id="slashCommands">
        <h2>Slash commands</h2>
        <form
          onSubmit={submit(() =>
            act('POST', '/commands', { team_id: view.team.id, trigger, url: commandUrl, method: 'P', auto_complete: true }),
          )}
        >
          <input aria-label="Trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)} />
          <input aria-label="Request URL" value={commandUrl} onChange={(e) => setCommandUrl(e.target.value)} />
          <button type="submit" className="btn btn-primary">
            Add slash command
          </button>
        </form>
        <table className="integrations__table">
          <tbody>
            <EditableRows
              items={commands}
              columns={4}
              editing={editing}
              setEditing={setEditing}
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
          </tbody>
        </table>
      </section>
    </main>
  );
}
