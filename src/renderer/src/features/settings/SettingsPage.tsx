import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MockmostSettings, SettingSource } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { AppearanceSection } from './AppearanceSection';
import { ConfigSection } from './ConfigSection';
import { SeedSection } from './SeedSection';
import './settings.css';

const SOURCE: Record<SettingSource, string> = {
  default: 'the default',
  flag: 'set by a serve flag for this run',
  settings: 'saved in the data dir',
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How much captured history to keep: saved in the data dir and applied at once. */
function HistorySection({ settings, onSaved }: { settings: MockmostSettings; onSaved: (s: MockmostSettings) => void }) {
  const control = useApp((s) => s.control);
  const [keep, setKeep] = useState(settings.keep ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (value: string | null) => {
    setError(null);
    try {
      const saved = await control!.call('PATCH /settings', { body: { keep: value } });
      setKeep(saved.keep ?? '');
      onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(keep.trim() === '' ? null : keep.trim());
  };
  return (
    <section aria-labelledby="historyHeading">
      <h2 id="historyHeading">Captured history</h2>
      <p>
        {settings.exchanges.toLocaleString('en-US')} exchanges, database {megabytes(settings.database_bytes)}. Keeping{' '}
        <strong id="keepInEffect">{settings.keep === null ? 'everything' : settings.keep}</strong> ({SOURCE[settings.keep_source]}).
      </p>
      <form onSubmit={submit}>
        <input
          id="keepRule"
          aria-label="History to keep"
          placeholder="5000, 7d, 12h or 500MB"
          value={keep}
          onChange={(e) => setKeep(e.target.value)}
        />
        <button id="saveKeep" type="submit" className="btn btn-primary">
          Save
        </button>
        <button id="keepEverything" type="button" className="btn btn-tertiary" onClick={() => void save(null)}>
          Keep everything
        </button>
      </form>
      <p className="settings__hint">
        A number of exchanges, an age (90s, 30m, 12h, 7d) or a database size (800KB, 500MB, 2GB). Older exchanges are pruned in the
        background.
      </p>
      {error && (
        <p id="keepError" className="app-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * `/_mockmost/settings`: where this Mockmost listens and stores, how much history it keeps,
 * the Mattermost settings integrations depend on, and the seed that resets use.
 */
export function SettingsPage() {
  const control = useApp((s) => s.control);
  const [settings, setSettings] = useState<MockmostSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    control
      ?.call('GET /settings')
      .then(setSettings)
      .catch((e: Error) => setError(e.message));
  }, [control]);
  useEffect(reload, [reload]);

  return (
    <main id="settingsPage" className="integrations settings">
      <section>
        <h1>Settings</h1>
        {error && (
          <p className="app-error" role="alert">
            {error}
          </p>
        )}
      </section>
      <AppearanceSection />
      {settings && (
        <>
          <section aria-labelledby="serverHeading">
            <h2 id="serverHeading">This Mockmost</h2>
            <table className="integrations__table">
              <tbody>
                <tr>
                  <td>Listening on</td>
                  <td>
                    <code id="settingsUrl">{settings.url}</code>
                  </td>
                </tr>
                <tr>
                  <td>Data dir</td>
                  <td>
                    <code id="settingsDataDir">{settings.data_dir}</code>
                  </td>
                </tr>
              </tbody>
            </table>
          </section>
          <HistorySection settings={settings} onSaved={setSettings} />
          <ConfigSection />
          <SeedSection onReset={reload} />
        </>
      )}
    </main>
  );
}
