import { onInAppLinkClick } from '../app/navigate';

/** The way back from Mockmost's own pages (composer, traffic, integrations) to the channel view, within the page. */
export function BackToChannels() {
  return (
    <a href="/" className="composer__back" onClick={onInAppLinkClick}>
      ← Channels
    </a>
  );
}
