import type { ReactNode } from 'react';
import type { Inline } from '../../../../shared/markdown/ast';
import { onInAppLinkClick } from '../../app/navigate';
import { Emoji } from './Emoji';
import { InlineLatex } from './Latex';
import { useRenderContext, type RenderContextValue } from './render-context';

const SPECIAL_MENTIONS = ['channel', 'all', 'here'];
const NEW_TAB_PATHS = /^\/(plugins|files|help)(\/|$)/;

/** Site-URL or `/`-relative links stay in the app (webapp/channels/src/utils/url.tsx: isInternalURL); the rest open a new tab. */
function inAppPath(href: string, siteUrl: string): string | undefined {
  let path: string | undefined;
  if (siteUrl && href.toLowerCase().startsWith(siteUrl.toLowerCase())) path = href.slice(siteUrl.length) || '/';
  else if (href.startsWith('/') && !href.startsWith('//')) path = href;
  if (path === undefined || NEW_TAB_PATHS.test(path)) return undefined;
  return path;
}

function MarkdownLink({ href, title, children }: { href: string; title?: string; children: ReactNode }) {
  const { settings } = useRenderContext();
  const path = inAppPath(href, settings.siteUrl);
  if (path !== undefined) {
    return (
      <a className="theme markdown__link" href={path} data-link={path} rel="noreferrer" title={title} onClick={onInAppLinkClick}>
        {children}
      </a>
    );
  }
  return (
    <a className="theme markdown__link" href={href} rel="noreferrer" target="_blank" title={title}>
      {children}
    </a>
  );
}

/** `@name`: resolved case-insensitively, retrying without trailing `.`, `-`, `_`. */
function Mention({ name }: { name: string }) {
  const { usersByName, viewer } = useRenderContext();
  let base = name.toLowerCase();
  for (;;) {
    if (SPECIAL_MENTIONS.includes(base)) {
      return (
        <span data-mention={name}>
          <span className="mention--highlight">@{name.slice(0, base.length)}</span>
          {name.slice(base.length)}
        </span>
      );
    }
    const user = usersByName.get(base);
    if (user) {
      const link = (
        <a className="mention-link" href="#" onClick={(e) => e.preventDefault()} data-user-id={user.id}>
          @{user.username}
        </a>
      );
      return (
        <span data-mention={name}>
          {user.id === viewer?.id ? <span className="mention--highlight">{link}</span> : link}
          {name.slice(base.length)}
        </span>
      );
    }
    if (!/[.\-_]$/.test(base)) break;
    base = base.slice(0, -1);
  }
  return <span data-mention={name}>@{name}</span>;
}

function ChannelLink({ name, ctx }: { name: string; ctx: RenderContextValue }) {
  for (let base = name.toLowerCase(); base !== ''; base = base.slice(0, -1)) {
    const channel = ctx.channelsByName.get(base);
    if (channel) {
      const team = channel.team_name ?? ctx.teamName;
      const href = `/${team}/channels/${channel.name}`;
      return (
        <>
          <a
            className="mention-link"
            href={href}
            data-channel-mention={channel.name}
            {...(channel.team_name ? { 'data-channel-mention-team': channel.team_name } : {})}
            onClick={onInAppLinkClick}
          >
            ~{channel.display_name}
          </a>
          {name.slice(base.length)}
        </>
      );
    }
    if (!/[.\-_]$/.test(base)) break;
  }
  return <>~{name}</>;
}

function Image({ node }: { node: Extract<Inline, { type: 'image' }> }) {
  const { settings, allowRemoteImages } = useRenderContext();
  const svg = /\.svg(\?|#|$)/i.test(node.src);
  if (svg && !settings.svgs) return <MarkdownLink href={node.src}>{node.alt}</MarkdownLink>;
  const remote = /^https?:\/\//i.test(node.src) && !(settings.siteUrl && node.src.startsWith(settings.siteUrl));
  const blocked = remote && !allowRemoteImages;
  return (
    <img
      className={blocked ? 'markdown-inline-img markdown-inline-img--blocked' : 'markdown-inline-img'}
      src={blocked ? undefined : node.src}
      alt={node.alt}
      title={blocked ? `Remote image not loaded (${node.src}): allow remote images in Settings` : node.title}
      width={node.width}
      height={node.height}
    />
  );
}

export function InlineNode({ node }: { node: Inline }) {
  const ctx = useRenderContext();
  switch (node.type) {
    case 'text':
      return <>{node.text}</>;
    case 'strong':
      return <strong>{renderInlines(node.children)}</strong>;
    case 'em':
      return <em>{renderInlines(node.children)}</em>;
    case 'del':
      return <del>{renderInlines(node.children)}</del>;
    case 'codespan':
      return (
        <span className="codespan__pre-wrap">
          <code>{node.text}</code>
        </span>
      );
    case 'link':
      return (
        <MarkdownLink href={node.href} title={node.title}>
          {renderInlines(node.children)}
        </MarkdownLink>
      );
    case 'email':
      return (
        <a className="theme" href={`mailto:${node.address}`} rel="noreferrer" target="_blank">
          {node.address}
        </a>
      );
    case 'image':
      return <Image node={node} />;
    case 'mention':
      return <Mention name={node.name} />;
    case 'channel':
      return <ChannelLink name={node.name} ctx={ctx} />;
    case 'hashtag':
      return (
        <a className="mention-link" href="#" data-hashtag={node.tag} onClick={(e) => e.preventDefault()}>
          {node.tag}
        </a>
      );
    case 'emoji':
      return <Emoji name={node.name} text={node.text} />;
    case 'inline_latex':
      return <InlineLatex text={node.text} />;
  }
}

export function renderInlines(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => <InlineNode key={i} node={node} />);
}
