import { useState } from 'react';
import type { ReplayOutcome } from '../../../../shared/contract/control-api';
import type { Exchange } from '../../../../shared/contract/exchange';
import { DEFAULT_IGNORE } from '../../../../shared/replay/compare';
import { useApp } from '../../app/store';
import { JsonDiff } from '../../ui/monaco/JsonDiff';
import { JsonEditor } from '../../ui/monaco/JsonEditor';
import { DifferenceList } from './DifferenceList';
import { diffText, editableRequest, editsFrom, REPLAY_REQUEST_SCHEMA } from './replay-request';

/**
 * Sends an exchange again, as recorded or edited in Monaco first, and shows the new answer
 * against the recorded one: the differences that count (volatile fields ignored by rules the
 * user can extend) and both bodies side by side.
 */
export function ReplayPanel({ exchange }: { exchange: Exchange }) {
  const control = useApp((s) => s.control);
  const [editing, setEditing] = useState(false);
  const [request, setRequest] = useState(() => editableRequest(exchange));
  const [ignore, setIgnore] = useState('');
  const [replay, setReplay] = useState<ReplayOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const edited = editing ? editsFrom(request) : { edits: undefined };
    if ('error' in edited) {
      setProblem(edited.error);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const rules = ignore
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      setReplay(
        await control!.call('POST /exchanges/:id/replay', {
          params: { id: exchange.id },
          body: { ...(edited.edits ? { request: edited.edits } : {}), ignore: rules },
        }),
      );
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="traffic__replay">
      <label>
        <input id="replayEdit" type="checkbox" checked={editing} onChange={(e) => setEditing(e.target.checked)} /> Edit the request first
      </label>
      {editing && (
        <JsonEditor
          id="replayRequest"
          className="traffic__replay-editor"
          fileName={`replay-${exchange.id}.json`}
          schema={REPLAY_REQUEST_SCHEMA}
          value={request}
          onChange={setRequest}
        />
      )}
      <label className="traffic__ignore">
        Also ignore{' '}
        <input
          id="replayIgnore"
          type="text"
          value={ignore}
          placeholder="e.g. **.id, props.build"
          title={`Always ignored: ${DEFAULT_IGNORE.join(', ')}`}
          onChange={(e) => setIgnore(e.target.value)}
        />
      </label>
      <button id="replayButton" type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Replaying…' : 'Replay'}
      </button>
      {problem && (
        <p className="has-error control-label" role="alert">
          {problem}
        </p>
      )}
      {replay && (
        <div id="replayResult" className={`traffic__replay-result traffic__replay-result--${replay.outcome}`}>
          <p>
            <strong>{replay.outcome === 'same' ? 'Same answer' : replay.outcome === 'changed' ? 'Changed' : 'Failed'}</strong> in{' '}
            {replay.durationMs.toFixed(0)} ms{replay.error && `: ${replay.error}`}
          </p>
          <DifferenceList differences={replay.differences} />
          {replay.response && (
            <>
              <p className="traffic__note">Recorded answer (left) and the new one (right):</p>
              <JsonDiff
                id="replayDiff"
                className="traffic__diff"
                original={diffText(exchange.response_body)}
                modified={diffText(replay.response.body)}
              />
            </>
          )}
        </div>
      )}
    </div>
  );
}
