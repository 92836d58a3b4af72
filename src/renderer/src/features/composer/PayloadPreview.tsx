import { useMemo } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { RenderedPosts } from '../channel/RenderedPosts';
import { previewPosts } from './preview-post';

interface Props {
  kind: PayloadKind;
  payload: unknown;
  view: ChannelView;
  /** The editor's text is not JSON just now: this is the last payload that was, shown dimmed. */
  stale?: boolean;
}

/** The payload as the channel will show it, drawn by the same components as the channel view. */
export function PayloadPreview({ kind, payload, view, stale = false }: Props) {
  const posts = useMemo(() => previewPosts(kind, payload, view.viewer, view.users), [kind, payload, view.viewer, view.users]);
  if (kind === 'dialog') {
    const dialog = (
      payload as { dialog?: { title?: string; introduction_text?: string; elements?: { display_name?: string; type?: string }[] } } | null
    )?.dialog;
    return (
      <div id="composer-preview" className={`composer__preview composer__preview--dialog${stale ? ' composer__preview--stale' : ''}`}>
        <h1 className="modal-title">{dialog?.title}</h1>
        {dialog?.introduction_text && <p>{dialog.introduction_text}</p>}
        <ul>
          {(dialog?.elements ?? []).map((el, i) => (
            <li key={i}>
              {el.display_name} <small>({el.type})</small>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <RenderedPosts
      id="composer-preview"
      className={`composer__preview post-list${stale ? ' composer__preview--stale' : ''}`}
      view={view}
      posts={posts}
    />
  );
}
