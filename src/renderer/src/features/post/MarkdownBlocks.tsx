import { Fragment, type ReactNode } from 'react';
import type { Block, Inline } from '../../../../shared/markdown/ast';
import { CodeBlock } from './CodeBlock';
import { LatexBlock } from './Latex';
import { isRenderedEmoji } from './Emoji';
import { InlineNode, renderInlines } from './MarkdownInlines';

const hasImage = (nodes: Inline[]): boolean =>
  nodes.some(
    (n) =>
      n.type === 'image' || ((n.type === 'link' || n.type === 'strong' || n.type === 'em' || n.type === 'del') && hasImage(n.children)),
  );

/** A paragraph with an image becomes Mattermost's image container, its newlines real breaks. */
function ImageParagraph({ nodes }: { nodes: Inline[] }) {
  const parts: ReactNode[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'text' || !node.text.includes('\n')) {
      parts.push(<InlineNode key={i} node={node} />);
      return;
    }
    node.text.split('\n').forEach((line, j) => {
      if (j > 0) parts.push(<br key={`${i}-br-${j}`} />);
      if (line) parts.push(<Fragment key={`${i}-${j}`}>{line}</Fragment>);
    });
  });
  return <div className="markdown-inline-img__container">{parts}</div>;
}

function Paragraph({ nodes, tight }: { nodes: Inline[]; tight?: boolean }) {
  if (hasImage(nodes)) return <ImageParagraph nodes={nodes} />;
  return tight ? <span>{renderInlines(nodes)}</span> : <p>{renderInlines(nodes)}</p>;
}

function BlockNode({ block, tight }: { block: Block; tight?: boolean }) {
  switch (block.type) {
    case 'paragraph':
      return <Paragraph nodes={block.children} tight={tight} />;
    case 'heading': {
      const Tag = `h${block.level}` as const;
      return <Tag className="markdown__heading">{renderInlines(block.children)}</Tag>;
    }
    case 'code':
      return <CodeBlock lang={block.lang} text={block.text} />;
    case 'latex':
      return <LatexBlock text={block.text} />;
    case 'blockquote':
      return <blockquote>{renderBlocks(block.children)}</blockquote>;
    case 'hr':
      return <hr />;
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i} className={item.checked === null ? undefined : 'list-item--task-list'}>
          {item.checked !== null && <input type="checkbox" disabled checked={item.checked} readOnly />}
          {renderBlocks(item.children, block.tight)}
        </li>
      ));
      return block.ordered ? <ol style={{ counterReset: `list ${block.start - 1}` }}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="table-responsive">
          <table className="markdown__table">
            <thead>
              <tr>
                {block.header.map((cell, i) => (
                  <th key={i} style={block.align[i] ? { textAlign: block.align[i]! } : undefined}>
                    {renderInlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={block.align[i] ? { textAlign: block.align[i]! } : undefined}>
                      {renderInlines(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function renderBlocks(blocks: Block[], tight?: boolean): ReactNode {
  return blocks.map((block, i) => <BlockNode key={i} block={block} tight={tight} />);
}

/**
 * One paragraph of nothing but emoji and spaces: Mattermost shows them large (webapp/channels/src/utils/emoticons.tsx and post_message_view: isOnlyEmoji).
 * The team's own emoji count when they exist (`customEmoji`, by name), as they render as emoticons too.
 */
export function isEmojiOnly(blocks: Block[], customEmoji: Readonly<Record<string, string>> = {}): boolean {
  const only = blocks[0];
  if (blocks.length !== 1 || only?.type !== 'paragraph') return false;
  const nodes = only.children;
  return (
    nodes.some((n) => n.type === 'emoji') &&
    nodes.every(
      (n) =>
        (n.type === 'emoji' && (isRenderedEmoji(n.name) || n.name === '' || Object.hasOwn(customEmoji, n.name))) ||
        (n.type === 'text' && n.text.trim() === ''),
    )
  );
}
