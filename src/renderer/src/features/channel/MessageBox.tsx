import { useEffect, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Command } from '../../../../shared/mattermost/model';
import { navigate } from '../../app/navigate';
import { rest } from '../../app/rest-client';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';

const BUILTINS = ['code', 'echo', 'help', 'join', 'me', 'shrug'];

interface Suggestion {
  trigger: string;
  hint: string;
}

/** The registered slash commands of the team plus Mattermost's built-ins, for autocomplete. */
function useCommandSuggestions(view: ChannelView): Suggestion[] {
  const sessionFor = useApp((s) => s.sessionFor);
  const [custom, setCustom] = useState<Suggestion[]>([]);
  const admin = Object.values(view.users).find((u) => u.username === 'sysadmin');
  useEffect(() => {
    if (!admin) return;
    let live = true;
    sessionFor(admin.id)
      .then((token) => rest<Command[]>(token, 'GET', `/commands?team_id=${view.team.id}&custom_only=true`))
      .then(
        (commands) =>
          live && setCustom(commands.map((c) => ({ trigger: c.trigger, hint: c.auto_complete_hint || c.description || c.url }))),
      )
      .catch(() => live && setCustom([]));
    return () => {
      live = false;
    };
  }, [admin, sessionFor, view.team.id]);
  return [...custom, ...BUILTINS.map((trigger) => ({ trigger, hint: 'built-in' }))].sort((a, b) => a.trigger.localeCompare(b.trigger));
}

/**
 * The message box of the simulated client: posts as the chosen user, or runs a slash command
 * through POST /api/v4/commands/execute, as Mattermost's web app does.
 */
export function MessageBox({ view, onSent, rootId }: { view: ChannelView; onSent: () => void; rootId?: string }) {
  const { actAs, setActAs, sessionFor } = useApp(useShallow((s) => ({ actAs: s.actAs, setActAs: s.setActAs, sessionFor: s.sessionFor })));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggestions = useCommandSuggestions(view);
  const userId = actAs ?? view.viewer.id;
  const users = Object.values(view.users)
    .filter((u) => !u.is_bot && u.delete_at === 0)
    .sort((a, b) => a.username.localeCompare(b.username));
  const typed = /^\/(\S*)$/.exec(text)?.[1];
  const matching = typed === undefined ? [] : suggestions.filter((s) => s.trigger.startsWith(typed.toLowerCase()));

  const send = async () => {
    const message = text.trim();
    if (!message || busy) return;
    setBusy(true);
    setError(null);
    try {
      const token = await sessionFor(userId);
      if (message.startsWith('/')) {
        const answer = await rest<{ goto_location?: string }>(token, 'POST', '/commands/execute', {
          command: message,
          channel_id: view.channel.id,
          team_id: view.team.id,
          ...(rootId ? { root_id: rootId, parent_id: rootId } : {}),
        });
        const goto = answer.goto_location ?? '';
        const path = goto.startsWith(view.settings.siteUrl) ? goto.slice(view.settings.siteUrl.length) : goto;
        if (path.startsWith('/')) navigate(path);
        else if (goto) setError(`The command asks to open ${goto}.`);
      } else {
        await rest(token, 'POST', '/posts', { channel_id: view.channel.id, message, ...(rootId ? { root_id: rootId } : {}) });
      }
      setText('');
      onSent();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div id={rootId ? 'rhs-post-create' : 'post-create'} className="post-create">
      {matching.length > 0 && (
        <ul id="suggestionList" className="suggestion-list suggestion-list--commands" role="listbox">
          {matching.map((s) => (
            <li key={s.trigger} role="option" aria-selected={false} onMouseDown={(e) => (e.preventDefault(), setText(`/${s.trigger} `))}>
              <strong>/{s.trigger}</strong> <span>{s.hint}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="post-create__row">
        {!rootId && (
          <select id="mockmost-act-as" aria-label="Post as" value={userId} onChange={(e) => setActAs(e.target.value)}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                @{u.username}
              </option>
            ))}
          </select>
        )}
        <textarea
          id={rootId ? 'reply_textbox' : 'post_textbox'}
          aria-label={rootId ? 'Reply to this thread' : `Write to ${view.channel.display_name}`}
          placeholder={rootId ? 'Reply to this thread…' : `Write to ${view.channel.display_name}`}
          value={text}
          rows={1}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </div>
      {error && (
        <p className="post-create-message has-error" role="alert">
          <span className="control-label">{error}</span>
        </p>
      )}
    </div>
  );
}
