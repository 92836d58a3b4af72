import { useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { ChannelSelect, channelName, IntegrationSection, RowButton, useIntegrationActions } from './section-parts';

/** Incoming webhooks: their URL to paste into the sender, add, edit, delete. */
export function IncomingHooksSection({ view }: { view: ChannelView }) {
  const hooks = useApp((s) => s.integrations.incoming);
  const { act, save, setEditing } = useIntegrationActions();
  const [channelId, setChannelId] = useState('');
  const channelOptions = view.channels.map((c) => ({ value: c.id, label: c.display_name }));
  return (
    <IntegrationSection
      id="incomingWebhooks"
      title="Incoming webhooks"
      inputs={<ChannelSelect view={view} value={channelId} onChange={setChannelId} />}
      addLabel="Add incoming webhook"
      onAdd={() => act('POST', '/hooks/incoming', { channel_id: channelId || view.channel.id, display_name: 'New hook' })}
      items={hooks}
      columns={4}
      fieldsOf={(h) => [
        { key: 'display_name', label: 'Name', value: h.display_name },
        { key: 'channel_id', label: 'Channel', value: h.channel_id, options: channelOptions },
      ]}
      onSave={(h, v) => save('PUT', `/hooks/incoming/${h.id}`, { ...h, ...v })}
      row={(h) => (
        <tr key={h.id} data-hook-id={h.id}>
          <td>{h.display_name || '(no name)'}</td>
          <td>{channelName(view, h.channel_id)}</td>
          <td>
            <code className="integrations__secret">{`${window.location.origin}/hooks/${h.id}`}</code>
          </td>
          <td>
            <RowButton label="Edit" onClick={() => setEditing(h.id)} />
            <RowButton label="Delete" onClick={() => void act('DELETE', `/hooks/incoming/${h.id}`)} />
          </td>
        </tr>
      )}
    />
  );
}
