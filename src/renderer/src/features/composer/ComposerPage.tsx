import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { IncomingWebhook } from '../../../../shared/mattermost/model';
import { toCurl } from '../../../../shared/contract/curl';
import { payloadFindings } from '../../../../shared/schemas/payload-rules';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { rest } from '../../app/rest-client';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';
import { MonacoEditor } from './MonacoEditor';
import { PayloadPreview } from './PayloadPreview';
import { TEMPLATES } from './templates';
import './composer.css';

const KINDS: { kind: PayloadKind; label: string }[] = [
  { kind: 'incoming_webhook', label: 'Incoming webhook' },
  { kind: 'command_response', label: 'Slash command response' },
  { kind: 'action_response', label: 'Action response' },
  { kind: 'dialog', label: 'Dialog' },
];

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parse(text: string): { value: unknown; error: string | null } {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (error) {
    return { value: undefined, error: (error as Error).message };
  }
}

/** The composer: a payload in Monaco, its live preview, and one click to send it to a hook. */
export function ComposerPage() {
  const { control, sessionFor } = useApp(useShallow((s) => ({ control: s.control, sessionFor: s.sessionFor })));
  const [kind, setKind] = useState<PayloadKind>('incoming_webhook');
  const [text, setText] = useState(() => pretty(TEMPLATES.incoming_webhook[0]!.payload));
  // The preview is drawn in the same task as the keystroke: left to React's scheduler it came a
  // task later, often missing the frame Monaco painted in (typical payload: 25 ms → 6 ms from
  // keydown to the frame showing it, `npm run bench`).
  const followEdit = useCallback((next: string) => flushSync(() => setText(next)), []);
  const [view, setView] = useState<ChannelView | null>(null);
  const [hooks, setHooks] = useState<IncomingWebhook[]>([]);
  const [hookId, setHookId] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const parsed = useMemo(() => parse(text), [text]);
  // While the text is not JSON (mid-edit), the preview keeps the last payload that was.
  const lastValid = useRef<unknown>(undefined);
  if (parsed.error === null) lastValid.current = parsed.value;
  const findings = useMemo(() => payloadFindings(kind, parsed.value), [kind, parsed.value]);

  useEffect(() => {
    if (!control) return;
    void control.call('GET /view/channel', { query: {} }).then(async (loaded) => {
      setView(loaded);
      const token = await sessionFor(loaded.viewer.id);
      const list = await rest<IncomingWebhook[]>(token, 'GET', '/hooks/incoming?per_page=200');
      setHooks(list);
      setHookId((current) => current || list[0]?.id || '');
    });
  }, [control, sessionFor]);

  const hookUrl = hookId ? `${window.location.origin}/hooks/${hookId}` : '';
  const send = async () => {
    const response = await fetch(`/hooks/${hookId}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text });
    setResult(`HTTP ${response.status}: ${await response.text()}`);
  };
  const chooseKind = (next: PayloadKind) => {
    setKind(next);
    setText(pretty(TEMPLATES[next][0]!.payload));
    setResult(null);
  };

  return (
    <div className="composer">
      <header className="composer__toolbar">
        <select id="composer-kind" aria-label="Payload kind" value={kind} onChange={(e) => chooseKind(e.target.value as PayloadKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
        <select
          id="composer-template"
          aria-label="Template"
          value=""
          onChange={(e) => e.target.value && setText(pretty(TEMPLATES[kind][Number(e.target.value)]!.payload))}
        >
          <option value="">Templates…</option>
          {TEMPLATES[kind].map((t, i) => (
            <option key={t.name} value={i}>
              {t.name}
            </option>
          ))}
        </select>
        {kind === 'incoming_webhook' && (
          <>
            <select id="composer-hook" aria-label="Incoming webhook" value={hookId} onChange={(e) => setHookId(e.target.value)}>
              {hooks.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.display_name || h.id} → {view?.channels.find((c) => c.id === h.channel_id)?.display_name ?? h.channel_id}
                </option>
              ))}
            </select>
            <button
              id="composer-send"
              type="button"
              className="btn btn-primary"
              disabled={!hookId || parsed.error !== null}
              onClick={() => void send()}
            >
              Send
            </button>
            <button
              id="composer-curl"
              type="button"
              className="btn btn-tertiary"
              disabled={!hookId}
              onClick={() =>
                void navigator.clipboard?.writeText(
                  toCurl({ method: 'POST', url: hookUrl, headers: [['Content-Type', 'application/json']], body: text }),
                )
              }
            >
              Copy as curl
            </button>
          </>
        )}
      </header>
      <div className="composer__panes">
        <MonacoEditor kind={kind} value={text} findings={findings} onChange={followEdit} />
        <div className="composer__side">
          {parsed.error && (
            <p id="composer-json-error" className="has-error control-label">
              Not valid JSON: {parsed.error}
            </p>
          )}
          {view && <PayloadPreview kind={kind} payload={lastValid.current} view={view} stale={parsed.error !== null} />}
          {findings.length > 0 && (
            <ul id="composer-findings" className="composer__findings">
              {findings.map((f, i) => (
                <li key={i} className={`composer__finding composer__finding--${f.severity}`}>
                  {f.message}
                </li>
              ))}
            </ul>
          )}
          {result && (
            <pre id="composer-result" className="composer__result">
              {result}
            </pre>
          )}
        </div>
      </div>
    </div>
  );
}
