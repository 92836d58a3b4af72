import { CopyButton } from '../ui/CopyButton';
import { useApp } from '../app/store';
import { useEffect } from 'react';
import { lastChannel, lastTeamDisplayName, rememberTeamDisplayName } from './last-place';
import { MOD_LABEL } from './shortcuts';

/** Where integrations reach this Mockmost: the page's own origin, in `serve` and in the desktop app alike. */
const LISTEN_URL = window.location.origin;

/** Across the top, always: the product, the team in view, finding a channel, and the URL Mockmost listens on. */
export function GlobalHeader({ onFindChannel }: { onFindChannel: () => void }) {
  const inView = useApp((s) => s.view?.team.display_name);
  useEffect(() => {
    if (inView) rememberTeamDisplayName(inView);
  }, [inView]);
  // Before a channel has loaded (another page opened first): the team last in view.
  const team = inView ?? lastTeamDisplayName() ?? lastChannel()?.team;
  return (
    <header id="globalHeader" className="global-header">
      <span className="global-header__product">Mockmost</span>
      {team && (
        <span id="headerTeamName" className="global-header__team">
          {team}
        </span>
      )}
      <button id="findChannelButton" type="button" className="global-header__search" onClick={onFindChannel}>
        <i className="icon icon-magnify" aria-hidden="true" /> Find channel <kbd>{MOD_LABEL}+K</kbd>
      </button>
      <span className="global-header__listen">
        Listening on <code id="listenUrl">{LISTEN_URL}</code>
        <CopyButton
          id="copyListenUrl"
          className="global-header__button"
          title="Copy the URL to give integrations"
          label="Copy"
          iconOnly
          text={() => LISTEN_URL}
        />
      </span>
    </header>
  );
}
