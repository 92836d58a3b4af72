import { useState, type FormEvent, type ReactElement } from 'react';

export interface EditField {
  key: string;
  label: string;
  value: string;
  /** A choice among these instead of free text. */
  options?: { value: string; label: string }[];
}

/** The fields of one hook or command, edited in place; `onSave` gets the values by key. */
export function EditForm({
  fields,
  onSave,
  onCancel,
}: {
  fields: EditField[];
  onSave: (values: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.key, f.value])));
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(values);
  };
  return (
    <form className="integrations__edit" onSubmit={submit}>
      {fields.map((f) => (
        <label key={f.key}>
          {f.label}{' '}
          {f.options ? (
            <select name={f.key} value={values[f.key]} onChange={(e) => set(f.key, e.target.value)}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input name={f.key} value={values[f.key]} onChange={(e) => set(f.key, e.target.value)} />
          )}
        </label>
      ))}
      <button type="submit" className="btn btn-primary">
        Save
      </button>
      <button type="button" className="btn btn-tertiary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

interface RowsProps<T extends { id: string }> {
  items: T[];
  /** Columns the edit form spans. */
  columns: number;
  editing: string | null;
  setEditing: (id: string | null) => void;
  fieldsOf: (item: T) => EditField[];
  onSave: (item: T, values: Record<string, string>) => void;
  row: (item: T) => ReactElement;
}

/** Table rows of hooks or commands, the one being edited shown as its form. */
export function EditableRows<T extends { id: string }>({ items, columns, editing, setEditing, fieldsOf, onSave, row }: RowsProps<T>) {
  return (
    <>
      {items.map((item) =>
        editing === item.id ? (
          <tr key={item.id} data-editing={item.id}>
            <td colSpan={columns}>
              <EditForm fields={fieldsOf(item)} onSave={(values) => onSave(item, values)} onCancel={() => setEditing(null)} />
            </td>
          </tr>
        ) : (
          row(item)
        ),
      )}
    </>
  );
}
