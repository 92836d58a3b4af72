import { onInAppLinkClick } from '../app/navigate';
import { lastChannel } from './last-place';
import { RAIL_PAGES, type RailPage } from './rail-pages';
import { MOD_LABEL } from './shortcuts';

/** Where a rail entry leads: Channels to the channel last viewed (`/` finds it or the home channel). */
export function railHref(page: RailPage): string {
  if (page !== 'channels') return `/_mockmost/${page}`;
  const last = lastChannel();
  return last ? `/${encodeURIComponent(last.team)}/channels/${encodeURIComponent(last.channel)}` : '/';
}

/** The left rail, always there: Channels, Composer, Traffic, Integrations, Settings. */
export function AppRail({ current }: { current: RailPage | null }) {
  return (
    <nav id="appRail" className="app-rail" aria-label="Mockmost">
      {RAIL_PAGES.map((p, i) => (
        <a
          key={p.id}
          id={p.id}
          className={p.page === current ? 'app-rail__item active' : 'app-rail__item'}
          href={railHref(p.page)}
          aria-current={p.page === current ? 'page' : undefined}
          title={`${p.label} (${MOD_LABEL}+Shift+${i + 1})`}
          onClick={onInAppLinkClick}
        >
          <i className={`icon ${p.icon}`} aria-hidden="true" />
          <span className="app-rail__label">{p.label}</span>
        </a>
      ))}
    </nav>
  );
}
