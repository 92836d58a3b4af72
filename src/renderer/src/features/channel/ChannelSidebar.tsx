import type { Channel } from '../../../../shared/mattermost/model';
import { onInAppLinkClick } from '../../app/navigate';

interface Props {
  team: string;
  teamName: string;
  current: string;
  channels: Channel[];
}

export function ChannelSidebar({ team, teamName, current, channels }: Props) {
  const listed = channels.filter((c) => c.type === 'O' || c.type === 'P');
  return (
    <nav id="SidebarContainer" className="sidebar" aria-label="channels">
      <div className="sidebar__team">{teamName}</div>
      <ul className="sidebar__channels">
        {listed.map((c) => (
          <li key={c.id} className={c.name === current ? 'SidebarChannel active' : 'SidebarChannel'}>
            <a id={`sidebarItem_${c.name}`} className="SidebarLink" href={`/${team}/channels/${c.name}`} onClick={onInAppLinkClick}>
              <span className="SidebarChannelIcon">{c.type === 'P' ? '🔒' : '#'}</span>
              {c.display_name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
