import { useEffect, useMemo, useState } from 'react';
import type { Channel, Team } from '../../../shared/mattermost/model';
import { navigate } from '../app/navigate';
import { useApp } from '../app/store';
import { Modal } from '../ui/Modal';
import { lastChannel } from './last-place';

/** The channels the sidebar lists (public and private, archived last), of the team in view or the last one. */
function useSwitchable(): { team: Team; channels: Channel[] } | null | Error {
  const view = useApp((s) => s.view);
  const control = useApp((s) => s.control);
  const [fetched, setFetched] = useState<{ team: Team; channels: Channel[] } | Error | null>(null);
  useEffect(() => {
    if (view || !control) return;
    let live = true;
    control
      .call('GET /view/channel', { query: lastChannel() ?? {} })
      .catch(() => control.call('GET /view/channel', { query: {} }))
      .then((v) => live && setFetched({ team: v.team, channels: v.channels }))
      .catch((e: Error) => live && setFetched(e));
    return () => {
      live = false;
    };
  }, [view, control]);
  return view ? { team: view.team, channels: view.channels } : fetched;
}

/** Ctrl/Cmd+K: type part of a channel's name, arrows to choose, Enter to open (Mattermost's channel switcher). */
export function ChannelSwitcher({ onClose }: { onClose: () => void }) {
  const found = useSwitchable();
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState(0);
  const matches = useMemo(() => {
    if (!found || found instanceof Error) return [];
    const needle = term.trim().toLowerCase();
    return found.channels
      .filter((c) => (c.type === 'O' || c.type === 'P') && `${c.display_name}\n${c.name}`.toLowerCase().includes(needle))
      .sort((a, b) => Number(a.delete_at > 0) - Number(b.delete_at > 0) || a.display_name.localeCompare(b.display_name));
  }, [found, term]);
  const open = (channel: Channel | undefined) => {
    if (!channel || !found || found instanceof Error) return;
    onClose();
    navigate(`/${encodeURIComponent(found.team.name)}/channels/${encodeURIComponent(channel.name)}`);
  };
  const at = Math.min(chosen, Math.max(matches.length - 1, 0));
  return (
    <Modal id="channelSwitcher" title="Find channels" onClose={onClose}>
      <input
        id="quickSwitchInput"
        className="channel-switcher__input"
        aria-label="Channel name"
        placeholder="Type a channel's name"
        autoFocus
        autoComplete="off"
        value={term}
        onChange={(e) => {
          setTerm(e.target.value);
          setChosen(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setChosen(Math.min(at + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setChosen(Math.max(at - 1, 0));
          else if (e.key === 'Enter') open(matches[at]);
          else return;
          e.preventDefault();
        }}
      />
      {found instanceof Error ? (
        <p className="app-error" role="alert">
          {found.message}
        </p>
      ) : (
        <ul className="channel-switcher__list" role="listbox" aria-label="Channels">
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`switchChannel_${c.name}`}
              role="option"
              aria-selected={i === at}
              className={i === at ? 'channel-switcher__item active' : 'channel-switcher__item'}
              onMouseEnter={() => setChosen(i)}
              onClick={() => open(c)}
            >
              <span>{c.display_name}</span> <span className="channel-switcher__name">~{c.name}</span>
            </li>
          ))}
          {found && matches.length === 0 && <li className="channel-switcher__none">No channel matches.</li>}
        </ul>
      )}
    </Modal>
  );
}
