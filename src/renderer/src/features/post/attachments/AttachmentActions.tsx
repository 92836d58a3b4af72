import { useState, type CSSProperties } from 'react';
import type { PostAction } from '../../../../../shared/mattermost/incoming-webhook-request';
import { tokenizeText } from '../../../../../shared/markdown/text-tokens';
import { InlineNode } from '../MarkdownInlines';
import { useRenderContext } from '../render-context';
import { useApp } from '../../../app/store';
import { THEMES } from '../../../theme/themes';
import { buttonRgb } from './button-style';
import { SelectMenu } from './SelectMenu';

export type Click = (action: PostAction, selectedOption: string) => void;

/** A button label: no markdown, but emoji, mentions and hashtags (webapp/channels/src/components/post_view/message_attachments/action_button/action_button.tsx). */
function Label({ text }: { text: string }) {
  const { markdown } = useRenderContext();
  return (
    <>
      {tokenizeText(text, { options: markdown, inLink: false }).map((node, i) => (
        <InlineNode key={i} node={node} />
      ))}
    </>
  );
}

function ActionButton({ action, onClick }: { action: PostAction; onClick: Click }) {
  const rgb = buttonRgb(action.style, THEMES[useApp((s) => s.theme)]);
  const [hover, setHover] = useState(false);
  return (
    <>
      <button
        type="button"
        className={rgb ? 'btn btn-sm btn--styled' : 'btn btn-sm'}
        data-action-id={action.id}
        {...(action.cookie ? { 'data-action-cookie': action.cookie } : {})}
        disabled={action.disabled === true}
        style={rgb ? ({ '--action-rgb': rgb } as CSSProperties) : undefined}
        onClick={() => onClick(action, '')}
        onMouseEnter={() => setHover(true)}
        onMouseLeave={() => setHover(false)}
      >
        <Label text={action.name ?? ''} />
      </button>
      {hover && action.tooltip && <span className="tooltipContainer">{action.tooltip}</span>}
    </>
  );
}

/** The attachment's buttons and menus, in order; actions without an id or a name are skipped. */
export function AttachmentActions({ actions, onClick }: { actions: PostAction[]; onClick: Click }) {
  const shown = actions.filter((a) => a.id && a.name);
  if (shown.length === 0) return null;
  return (
    <div className="attachment-actions">
      {shown.map((action) =>
        action.type === 'select' ? (
          <SelectMenu key={action.id} action={action} onSelect={(value) => onClick(action, value)} />
        ) : (
          <ActionButton key={action.id} action={action} onClick={onClick} />
        ),
      )}
    </div>
  );
}
