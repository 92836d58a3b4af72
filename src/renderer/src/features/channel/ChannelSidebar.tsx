import type { Channel } from '../../../../shared/mattermost/model';
import { onInAppLinkClick } from '../../app/navigate';
import { Splitter, usePaneWidth } from '../../ui/Splitter';

interface Props {
  team: string;
  teamName: string;
  current: string;
  channels: Channel[];
}

/** The web app's sidebar icons (components/sidebar/sidebar_channel): globe, lock, and their archived forms. */
function channelIcon(channel: Channel): string {
  if (channel.delete_at > 0) return channel.type === 'P' ? 'icon-archive-lock-outline' : 'icon-archive-outline';
  return channel.type === 'P' ? 'icon-lock-outline' : 'icon-globe';
}

const SIDEBAR_PANE = { key: 'mockmost.pane.sidebar', initial: 240, min: 160, max: 480 };

export function ChannelSidebar({ team, teamName, current, channels }: Props) {
  const listed = channels.filter((c) => c.type === 'O' || c.type === 'P');
  const [width, setWidth] = usePaneWidth(SIDEBAR_PANE);
  return (
    <>
      <nav id="SidebarContainer" className="sidebar" aria-label="channels" style={{ width }}>
        <div className="sidebar__team">{teamName}</div>
        <ul className="sidebar__channels">
          {listed.map((c) => (
            <li key={c.id} className={c.name === current ? 'SidebarChannel active' : 'SidebarChannel'}>
              <a id={`sidebarItem_${c.name}`} className="SidebarLink" href={`/${team}/channels/${c.name}`} onClick={onInAppLinkClick}>
                <i className={`SidebarChannelIcon icon ${channelIcon(c)}`} aria-hidden="true" />
                {c.display_name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Splitter id="sidebarSplitter" label="Resize the channel sidebar" pane={SIDEBAR_PANE} width={width} onResize={setWidth} />
    </>
  );
}
