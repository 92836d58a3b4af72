import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** Mattermost caps a message at 600 px and attachment text at 200 px (webapp/channels/src/components/post_view/show_more/show_more.tsx: maxHeight). */
  maxHeight: number;
  /** The show-more bar's class: `post-collapse` for messages, `post-attachment-collapse` for attachments. */
  collapseClass: string;
  children: ReactNode;
}

/** `.post-message` with Mattermost's collapse: a capped viewport and "Show more"/"Show less". */
export function CollapsibleText({ maxHeight, collapseClass, children }: Props) {
  const content = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState(false);
  const [expanded, setExpanded] = useState(false);

  useLayoutEffect(() => {
    const element = content.current;
    if (!element) return;
    // The observer's first call comes once the text is laid out, and again when images load or
    // the window resizes, as Mattermost re-checks. Asking for the height at once instead would
    // force a layout on every post mounted, even those off screen that the browser skips
    // (content-visibility): under a burst of arrivals, most of the channel view's main thread.
    const observer = new ResizeObserver(() => setOverflow(element.scrollHeight > maxHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [maxHeight]);

  const classes = [
    'post-message',
    expanded ? 'post-message--expanded' : 'post-message--collapsed',
    overflow ? 'post-message--overflow' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <div className="post-message__text-container" style={expanded ? undefined : { maxHeight: `${maxHeight}px` }}>
        <div ref={content}>{children}</div>
      </div>
      {overflow && (
        <div className={collapseClass}>
          <div className={`${collapseClass}__show-more`}>
            <div className="post-collapse__show-more-line" />
            <button id="showMoreButton" type="button" className="post-collapse__show-more-button" onClick={() => setExpanded(!expanded)}>
              <span className={expanded ? 'fa fa-angle-up' : 'fa fa-angle-down'} />
              {expanded ? 'Show less' : 'Show more'}
            </button>
            <div className="post-collapse__show-more-line" />
          </div>
        </div>
      )}
    </div>
  );
}
