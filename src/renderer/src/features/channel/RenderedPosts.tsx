import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Post } from '../../../../shared/mattermost/model';
import { RenderContext } from '../post/render-context';
import { PostItem } from './PostItem';
import { useRenderContextValue } from './render-context-value';
import '../post/post.css';
import './channel.css';

/** A few posts drawn alone (a payload's preview, the post an exchange made) as the channel view draws them. */
export function RenderedPosts({ id, className, view, posts }: { id: string; className: string; view: ChannelView; posts: Post[] }) {
  const context = useRenderContextValue(view);
  return (
    <RenderContext.Provider value={context}>
      <div id={id} className={className}>
        {posts.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            previous={undefined}
            author={view.users[post.user_id] ?? view.viewer}
            teamName={view.team.name}
          />
        ))}
      </div>
    </RenderContext.Provider>
  );
}
