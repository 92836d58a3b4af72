import type { FormEvent } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';

export function RowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-tertiary" onClick={onClick}>
      {label}
    </button>
  );
}

/** The team's channels to pick from; `value` '' stands for the home channel. */
export function ChannelSelect({ view, value, onChange }: { view: ChannelView; value: string; onChange: (id: string) => void }) {
  return (
    <select aria-label="Channel" value={value || view.channel.id} onChange={(e) => onChange(e.target.value)}>
      {view.channels.map((c) => (
        <option key={c.id} value={c.id}>
          {c.display_name}
        </option>
      ))}
    </select>
  );
}

export const words = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export const channelName = (view: ChannelView, id: string) =>
  view.channels.find((c) => c.id === id)?.display_name ?? (id ? id : 'any channel');

/** A form's submit handler that runs an integration call instead of navigating. */
export const submitting = (handler: () => Promise<unknown>) => (e: FormEvent) => {
  e.preventDefault();
  void handler();
};

/** What a section needs to change integrations: the call, a save that ends editing, the edited id. */
export function useIntegrationActions() {
  const act = useApp((s) => s.actOnIntegration);
  const editing = useApp((s) => s.editingIntegration);
  const setEditing = useApp((s) => s.setEditingIntegration);
  const save = (method: string, path: string, body: unknown) => void act(method, path, body).then((ok) => ok && setEditing(null));
  return { act, save, editing, setEditing };
}
