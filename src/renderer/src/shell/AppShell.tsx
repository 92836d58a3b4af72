import { useEffect, useState, type ReactNode } from 'react';
import { navigate } from '../app/navigate';
import type { Route } from '../app/routes';
import { AppRail, railHref } from './AppRail';
import { ChannelSwitcher } from './ChannelSwitcher';
import { GlobalHeader } from './GlobalHeader';
import { rememberPlace } from './last-place';
import { railPageOf } from './rail-pages';
import { shortcutFor } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import './shell.css';

type Open = 'switcher' | 'help' | null;

/** The frame around every page: the header across the top, the rail down the left, and the keyboard shortcuts. */
export function AppShell({ path, route, children }: { path: string; route: Route; children: ReactNode }) {
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => rememberPlace(path), [path]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'open') {
        setOpen(null);
        navigate(railHref(action.page));
      } else setOpen(action.kind === 'help' ? 'help' : 'switcher');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app-shell">
      <GlobalHeader onFindChannel={() => setOpen('switcher')} />
      <div className="app-shell__body">
        <AppRail current={railPageOf(route)} />
        <div className="app-shell__page">{children}</div>
      </div>
      {open === 'switcher' && <ChannelSwitcher onClose={() => setOpen(null)} />}
      {open === 'help' && <ShortcutsHelp onClose={() => setOpen(null)} />}
    </div>
  );
}
