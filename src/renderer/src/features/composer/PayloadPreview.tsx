import { useMemo } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { PostItem } from '../channel/PostItem';
import { useRenderContextValue } from '../channel/render-context-value';
import { RenderContext } from '../post/render-context';
import { previewPosts } from './preview-post';
import '../post/post.css';

interface Props {
  kind: PayloadKind;
  payload: unknown;
  view: ChannelView;
}

/** The payload as the channel will show it, drawn by the same components as the channel view. */
export function PayloadPreview({ kind, payload, view }: Props) {
  const context = useRenderContextValue(view);
  const posts = useMemo(() => previewPosts(kind, payload, view.viewer, view.users), [kind, payload, view.viewer, view.users]);
  if (kind === 'dialog') {
    const dialog = (
      payload as { dialog?: { title?: string; introduction_text?: string; elements?: { display_name?: string; type?: string }[] } } | null
    )?.dialog;
    return (
      <div id="composer-preview" className="composer__preview composer__preview--dialog">
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
    <RenderContext.Provider value={context}>
      <div id="composer-preview" className="composer__preview post-list">
        {posts.map((post) => (
          <PostItem key={post.id} post={post} previous={undefined} author={view.viewer} teamName={view.team.name} />
        ))}
      </div>
    </RenderContext.Provider>
  );
}
