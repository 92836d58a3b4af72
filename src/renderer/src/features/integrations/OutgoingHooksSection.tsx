import { useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { ChannelSelect, channelName, IntegrationSection, RowButton, useIntegrationActions, words } from './section-parts';

/** Outgoing webhooks: trigger words, channel, callback URLs and the token the integration checks. */
export function OutgoingHooksSection({ view }: { view: ChannelView }) {
  const hooks = useApp((s) => s.integrations.outgoing);
  const { act, save, setEditing } = useIntegrationActions();
  const [channelId, setChannelId] = useState('');
  const [callback, setCallback] = useState('http://127.0.0.1:4000/outgoing');
  const [triggers, setTriggers] = useState('build');
  return (
    <IntegrationSection
      id="outgoingWebhooks"
      title="Outgoing webhooks"
      inputs={
        <>
          <ChannelSelect view={view} value={channelId} onChange={setChannelId} />
          <input aria-label="Trigger words" value={triggers} onChange={(e) => setTriggers(e.target.value)} />
          <input aria-label="Callback URL" value={callback} onChange={(e) => setCallback(e.target.value)} />
        </>
      }
      addLabel="Add outgoing webhook"
      onAdd={() =>
        act('POST', '/hooks/outgoing', {
          team_id: view.team.id,
          channel_id: channelId || view.channel.id,
          display_name: 'New outgoing hook',
          trigger_words: words(triggers),
          callback_urls: [callback],
        })
      }
      items={hooks}
      columns={5}
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
          <td>{channelName(view, h.channel_id)}</td>
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
  );
}
