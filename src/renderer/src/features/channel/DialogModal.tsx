import { useState } from 'react';
import type { ChannelView, OpenedDialog } from '../../../../shared/contract/control-api';
import { rest } from '../../app/rest-client';
import { useApp } from '../../app/store';

interface Element {
  display_name?: string;
  name?: string;
  type?: string;
  subtype?: string;
  default?: string;
  placeholder?: string;
  help_text?: string;
  optional?: boolean;
  data_source?: string;
  options?: { text?: string; value?: string }[] | null;
}

interface Dialog {
  callback_id?: string;
  title?: string;
  introduction_text?: string;
  elements?: Element[] | null;
  submit_label?: string;
  notify_on_cancel?: boolean;
  state?: string;
}

/** The web app's conversions before submitting: numbers for number fields, booleans for checkboxes. */
function submission(elements: Element[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of elements) {
    const name = el.name ?? '';
    const value = values[name] ?? '';
    if (el.type === 'bool') out[name] = value === 'true';
    else if (el.type === 'text' && el.subtype === 'number' && value !== '') out[name] = Number(value);
    else if (value !== '' || !el.optional) out[name] = value;
  }
  return out;
}

function Field({
  el,
  value,
  error,
  onChange,
  view,
}: {
  el: Element;
  value: string;
  error?: string;
  onChange: (v: string) => void;
  view: ChannelView;
}) {
  const id = `dialogElement_${el.name}`;
  const options =
    el.data_source === 'users'
      ? Object.values(view.users).map((u) => ({ text: u.username, value: u.id }))
      : el.data_source === 'channels'
        ? view.channels.map((c) => ({ text: c.display_name, value: c.id }))
        : (el.options ?? []).map((o) => ({ text: o.text ?? '', value: o.value ?? '' }));
  let input;
  if (el.type === 'textarea')
    input = <textarea id={id} value={value} placeholder={el.placeholder} onChange={(e) => onChange(e.target.value)} />;
  else if (el.type === 'bool')
    input = <input id={id} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))} />;
  else if (el.type === 'select' || el.type === 'radio')
    input = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{el.placeholder ?? ''}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    );
  else
    input = (
      <input
        id={id}
        type={el.subtype === 'password' ? 'password' : el.subtype === 'number' ? 'number' : 'text'}
        value={value}
        placeholder={el.placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <div className={error ? 'form-group has-error' : 'form-group'}>
      <label htmlFor={id}>
        {el.display_name}
        {!el.optional && <span className="error-text"> *</span>}
      </label>
      {input}
      {error ? <div className="control-label">{error}</div> : el.help_text && <div className="help-text">{el.help_text}</div>}
    </div>
  );
}

/** An interactive dialog an integration opened for the user (Mattermost's open_dialog), submitted through the real API. */
export function DialogModal({ opened, view, onClose }: { opened: OpenedDialog; view: ChannelView; onClose: () => void }) {
  const sessionFor = useApp((s) => s.sessionFor);
  const dialog = opened.request.dialog as Dialog;
  const elements = dialog.elements ?? [];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(elements.map((el) => [el.name ?? '', el.default ?? ''])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (cancelled: boolean) => {
    try {
      const token = await sessionFor(opened.user_id);
      const answer = await rest<{ error?: string; errors?: Record<string, string> }>(token, 'POST', '/actions/dialogs/submit', {
        url: opened.request.url,
        callback_id: dialog.callback_id ?? '',
        state: dialog.state ?? '',
        channel_id: view.channel.id,
        team_id: view.team.id,
        submission: cancelled ? {} : submission(elements, values),
        cancelled,
      });
      if (!cancelled && (answer?.error || (answer?.errors && Object.keys(answer.errors).length > 0))) {
        setErrors(answer.errors ?? {});
        setGeneral(answer.error ?? null);
        return;
      }
      onClose();
    } catch (e) {
      setGeneral((e as Error).message);
    }
  };
  const cancel = () => (dialog.notify_on_cancel ? void submit(true) : onClose());

  return (
    <div className="modal-backdrop" role="presentation">
      <div id="interactiveDialogModal" className="modal-content" role="dialog" aria-labelledby="interactiveDialogModalLabel">
        <h1 id="interactiveDialogModalLabel" className="modal-title">
          {dialog.title}
        </h1>
        {dialog.introduction_text && <p className="modal-intro">{dialog.introduction_text}</p>}
        {elements.map((el) => (
          <Field
            key={el.name}
            el={el}
            view={view}
            value={values[el.name ?? ''] ?? ''}
            error={errors[el.name ?? '']}
            onChange={(v) => setValues({ ...values, [el.name ?? '']: v })}
          />
        ))}
        {general && <p className="has-error control-label">{general}</p>}
        <div className="modal-footer">
          <button id="interactiveDialogCancel" type="button" className="btn btn-tertiary" onClick={cancel}>
            Cancel
          </button>
          <button id="interactiveDialogSubmit" type="button" className="btn btn-primary" onClick={() => void submit(false)}>
            {dialog.submit_label || 'Submit'}
          </button>
        </div>
      </div>
    </div>
  );
}
