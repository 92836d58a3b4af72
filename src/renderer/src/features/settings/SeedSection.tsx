import { useCallback, useEffect, useState } from 'react';
import type { SettingSource } from '../../../../shared/contract/control-api';
import { SEED_JSON_SCHEMA } from '../../../../shared/schemas/seed-json-schema';
import { useApp } from '../../app/store';
import { JsonEditor } from '../../ui/monaco/JsonEditor';

const SOURCE: Record<SettingSource, string> = {
  default: 'the built-in seed',
  flag: 'the --seed file of this run',
  settings: 'the seed saved in the data dir',
};

/**
 * The seed that resets use, edited in Monaco with its JSON Schema; applying it saves it in the
 * data dir and resets the workspace. Resetting asks first: every post and integration goes.
 */
export function SeedSection({ onReset }: { onReset: () => void }) {
  const control = useApp((s) => s.control);
  const [text, setText] = useState<string | null>(null);
  const [source, setSource] = useState<{ source: SettingSource; file?: string } | null>(null);
  const [withExchanges, setWithExchanges] = useState(false);
  const [confirming, setConfirming] = useState<'apply' | 'builtin' | 'reset' | null>(null);
  const [status, setStatus] = useState<{ error?: string; done?: string } | null>(null);

  const load = useCallback(
    () =>
      control
        ?.call('GET /workspace/seed')
        .then((seed) => {
          setText(JSON.stringify(seed.seed, null, 2));
          setSource({ source: seed.source, file: seed.file });
        })
        .catch((e: Error) => setStatus({ error: e.message })),
    [control],
  );
  useEffect(() => void load(), [load]);

  const run = async (action: 'apply' | 'builtin' | 'reset') => {
    setConfirming(null);
    setStatus(null);
    try {
      if (action === 'reset') {
        await control!.call('POST /workspace/reset', { body: { exchanges: withExchanges } });
      } else {
        let seed = null;
        if (action === 'apply') {
          try {
            seed = JSON.parse(text ?? '') as never;
          } catch (e) {
            setStatus({ error: `The seed is not valid JSON: ${(e as Error).message}` });
            return;
          }
        }
        await control!.call('PUT /workspace/seed', { body: { seed, exchanges: withExchanges } });
      }
      await load();
      onReset();
      setStatus({ done: 'The workspace was reset.' });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };

  return (
    <section aria-labelledby="seedHeading">
      <h2 id="seedHeading">Workspace seed</h2>
      {source && (
        <p>
          Resets use <strong id="seedSource">{SOURCE[source.source]}</strong>
          {source.file && (
            <>
              {' '}
              (<code>{source.file}</code>)
            </>
          )}
          : teams, users, channels, config, hooks and commands.
        </p>
      )}
      {text !== null && (
        <JsonEditor
          id="seedEditor"
          className="settings__seed-editor"
          fileName="seed.json"
          schema={SEED_JSON_SCHEMA}
          value={text}
          onChange={setText}
        />
      )}
      <p>
        <label>
          <input id="resetExchanges" type="checkbox" checked={withExchanges} onChange={(e) => setWithExchanges(e.target.checked)} /> Also
          delete the captured exchanges
        </label>
      </p>
      {confirming ? (
        <p className="traffic__confirm" role="alert">
          Every post, user, channel, hook and command is replaced{withExchanges ? ', and every captured exchange deleted' : ''}.{' '}
          <button id="seedConfirm" type="button" className="btn btn-danger" onClick={() => void run(confirming)}>
            Reset
          </button>{' '}
          <button type="button" className="btn btn-tertiary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </p>
      ) : (
        <p className="settings__actions">
          <button id="applySeed" type="button" className="btn btn-primary" onClick={() => setConfirming('apply')}>
            Save seed and reset…
          </button>
          <button id="builtinSeed" type="button" className="btn btn-tertiary" onClick={() => setConfirming('builtin')}>
            Back to the built-in seed…
          </button>
          <button id="resetWorkspace" type="button" className="btn btn-tertiary" onClick={() => setConfirming('reset')}>
            Reset workspace…
          </button>
        </p>
      )}
      {status?.done && (
        <p id="seedDone" role="status">
          {status.done}
        </p>
      )}
      {status?.error && (
        <p id="seedError" className="app-error" role="alert">
          {status.error}
        </p>
      )}
    </section>
  );
}
