import { useCallback, useEffect, useRef, useState } from 'react';
import { rest } from '../../app/rest-client';
import { useApp } from '../../app/store';

type Config = Record<string, Record<string, unknown>>;

interface Setting {
  section: string;
  key: string;
  label: string;
  kind: 'boolean' | 'text' | 'number';
}

// The settings of a Mattermost server that decide what integrations may do, as a System
// Console would show them. Everything else stays reachable through `PUT /api/v4/config`.
const SETTINGS: Setting[] = [
  { section: 'ServiceSettings', key: 'EnableIncomingWebhooks', label: 'Incoming webhooks', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnableOutgoingWebhooks', label: 'Outgoing webhooks', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnableCommands', label: 'Slash commands', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnablePostUsernameOverride', label: 'Integrations may override usernames', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnablePostIconOverride', label: 'Integrations may override profile pictures', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnableLatex', label: 'LaTeX rendering', kind: 'boolean' },
  { section: 'ServiceSettings', key: 'EnableInlineLatex', label: 'Inline LaTeX rendering', kind: 'boolean' },
  {
    section: 'ServiceSettings',
    key: 'OutgoingIntegrationRequestsTimeout',
    label: 'Integration request timeout (seconds)',
    kind: 'number',
  },
  {
    section: 'ServiceSettings',
    key: 'AllowedUntrustedInternalConnections',
    label: 'Allowed untrusted internal connections',
    kind: 'text',
  },
];

const fieldId = (s: Setting) => `config_${s.key}`;

/** The Mattermost settings integrations depend on, read and patched through REST v4 as sysadmin. */
export function ConfigSection() {
  const control = useApp((s) => s.control);
  const [config, setConfig] = useState<Config | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string | undefined>>({});
  const [status, setStatus] = useState<{ error?: string; saved?: string } | null>(null);
  // One session for the page: the control API picks the workspace's system admin.
  const session = useRef<Promise<string> | null>(null);
  const token = useCallback(() => {
    session.current ??= control!.call('POST /sessions', { body: {} }).then((r) => r.token);
    session.current.catch(() => (session.current = null));
    return session.current;
  }, [control]);

  useEffect(() => {
    if (!control) return;
    token()
      .then((t) => rest<Config>(t, 'GET', '/config'))
      .then(setConfig)
      .catch((e: Error) => setStatus({ error: e.message }));
  }, [control, token]);

  const patch = async (setting: Setting, value: unknown) => {
    setStatus(null);
    try {
      const updated = await rest<Config>(await token(), 'PUT', '/config/patch', { [setting.section]: { [setting.key]: value } });
      setConfig(updated);
      setDrafts((d) => ({ ...d, [setting.key]: undefined }));
      setStatus({ saved: setting.label });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };

  return (
    <section aria-labelledby="configHeading">
      <h2 id="configHeading">Mattermost settings for integrations</h2>
      {config && (
        <table className="integrations__table">
          <tbody>
            {SETTINGS.map((setting) => {
              const value = config[setting.section]?.[setting.key];
              return (
                <tr key={setting.key}>
                  <td>
                    <label htmlFor={fieldId(setting)}>{setting.label}</label>
                  </td>
                  <td>
                    {setting.kind === 'boolean' ? (
                      <input
                        id={fieldId(setting)}
                        type="checkbox"
                        checked={value === true}
                        onChange={(e) => void patch(setting, e.target.checked)}
                      />
                    ) : (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const text = (drafts[setting.key] ?? String(value ?? '')).trim();
                          if (setting.kind === 'number' && !/^\d+$/.test(text)) {
                            setStatus({ error: `${setting.label} must be a whole number.` });
                            return;
                          }
                          void patch(setting, setting.kind === 'number' ? Number(text) : text);
                        }}
                      >
                        <input
                          id={fieldId(setting)}
                          value={drafts[setting.key] ?? String(value ?? '')}
                          onChange={(e) => setDrafts((d) => ({ ...d, [setting.key]: e.target.value }))}
                        />
                        <button type="submit" className="btn btn-tertiary">
                          Save
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {status?.saved && (
        <p id="configSaved" role="status">
          Saved: {status.saved}.
        </p>
      )}
      {status?.error && (
        <p id="configError" className="app-error" role="alert">
          {status.error}
        </p>
      )}
    </section>
  );
}
