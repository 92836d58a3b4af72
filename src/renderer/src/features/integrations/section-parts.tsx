import type { FormEvent, ReactElement, ReactNode } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { EditableRows, type EditField } from './EditForm';

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
const submitting = (handler: () => Promise<unknown>) => (e: FormEvent) => {
  e.preventDefault();
  void handler();
};

/** What a section needs to change integrations: the call, a save that ends editing, and editing one. */
export function useIntegrationActions() {
  const act = useApp((s) => s.actOnIntegration);
  const setEditing = useApp((s) => s.setEditingIntegration);
  const save = (method: string, path: string, body: unknown) => void act(method, path, body).then((ok) => ok && setEditing(null));
  return { act, save, setEditing };
}

interface SectionProps<T extends { id: string }> {
  id: string;
  title: string;
  /** The add form: its inputs, its button's label and what it does. */
  inputs: ReactNode;
  addLabel: string;
  onAdd: () => Promise<unknown>;
  items: T[];
  /** Columns a row spans (the edit form spans them all). */
  columns: number;
  fieldsOf: (item: T) => EditField[];
  onSave: (item: T, values: Record<string, string>) => void;
  row: (item: T) => ReactElement;
}

/** One kind of integration: its add form, then its table, the row being edited shown as a form. */
export function IntegrationSection<T extends { id: string }>({ id, title, inputs, addLabel, onAdd, ...rows }: SectionProps<T>) {
  const editing = useApp((s) => s.editingIntegration);
  const setEditing = useApp((s) => s.setEditingIntegration);
  return (
    <section id={id}>
      <h2>{title}</h2>
      <form onSubmit={submitting(onAdd)}>
        {inputs}
        <button type="submit" className="btn btn-primary">
          {addLabel}
        </button>
      </form>
      <table className="integrations__table">
        <tbody>
          <EditableRows {...rows} editing={editing} setEditing={setEditing} />
        </tbody>
      </table>
    </section>
  );
}
