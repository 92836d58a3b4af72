import type { ReactNode } from 'react';
import type { Attachment as AttachmentData, PostAction } from '../../../../../shared/mattermost/incoming-webhook-request';
import type { Inline } from '../../../../../shared/markdown/ast';
import { parseInline } from '../../../../../shared/markdown/inline-parser';
import { isUrlSafe, safeImageUrl } from '../../../../../shared/markdown/url-safety';
import { CollapsibleText } from '../CollapsibleText';
import { Markdown } from '../Markdown';
import { InlineNode } from '../MarkdownInlines';
import { useRenderContext } from '../render-context';
import { AttachmentActions, type Click } from './AttachmentActions';
import { AttachmentFields } from './AttachmentFields';
import type { AttachmentField } from './field-grouping';

const NAMED_COLORS = ['good', 'warning', 'danger'];
const FOOTER_MAX = 300;
const ATTACHMENT_TEXT_MAX_PX = 200;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
/** Image fields load only from http(s) or same-site URLs. */
const image = (value: unknown) => safeImageUrl(str(value)) ?? '';

/** Link-only markdown for a title: emphasis markers dropped, mentions left as text. */
function flattenTitle(nodes: Inline[]): ReactNode[] {
  return nodes.flatMap((node, i): ReactNode[] => {
    if (node.type === 'strong' || node.type === 'em' || node.type === 'del') return flattenTitle(node.children);
    if (node.type === 'mention') return [`@${node.name}`];
    if (node.type === 'codespan') return [node.text];
    return [<InlineNode key={i} node={node} />];
  });
}

function Title({ title, link }: { title: string; link: string }) {
  const { markdown } = useRenderContext();
  if (link && isUrlSafe(link)) {
    return (
      <h1 className="attachment__title">
        <a className="attachment__title-link" href={link} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      </h1>
    );
  }
  return <h1 className="attachment__title">{flattenTitle(parseInline(title, new Map(), markdown))}</h1>;
}

function Author({ name, icon, link }: { name: string; icon: string; link: string }) {
  const parts = (
    <>
      {icon && <img className="attachment__author-icon" src={icon} height="14" width="14" alt="attachment author icon" />}
      {name && <span className="attachment__author-name">{name}</span>}
    </>
  );
  return (
    <div className="attachment__author-info">
      {link && isUrlSafe(link) ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          {parts}
        </a>
      ) : (
        parts
      )}
    </div>
  );
}

function Footer({ text, icon }: { text: string; icon: string }) {
  const chars = Array.from(text);
  const shown = chars.length > FOOTER_MAX ? `${chars.slice(0, FOOTER_MAX - 1).join('')}…` : text;
  return (
    <div className="attachment__footer-container">
      {icon && <img className="attachment__footer-icon" src={icon} height="16" width="16" alt="attachment footer icon" />}
      <Markdown text={shown} />
    </div>
  );
}

interface Props {
  attachment: AttachmentData;
  error: string | null;
  onClick: Click;
}

/** One message attachment with Mattermost's layout and class names (webapp/channels/src/components/post_view/message_attachments/message_attachment/message_attachment.tsx). */
export function Attachment({ attachment: a, error, onClick }: Props) {
  const color = str(a.color);
  const pretext = str(a.pretext);
  const thumb = image(a.thumb_url);
  const imageUrl = image(a.image_url);
  const fields = Array.isArray(a.fields) ? (a.fields.filter((f) => f && typeof f === 'object') as AttachmentField[]) : [];
  const actions = Array.isArray(a.actions) ? a.actions.filter((x): x is PostAction => !!x && typeof x === 'object') : [];
  const hasBox =
    [a.author_name, a.author_icon, a.title, a.text, a.image_url, thumb, a.footer].some((v) => str(v) !== '') ||
    fields.length > 0 ||
    actions.length > 0;
  const containerClass = color.startsWith('#')
    ? 'clearfix attachment__container'
    : `clearfix attachment__container attachment__container--${NAMED_COLORS.includes(color) ? color : color || 'undefined'}`;
  return (
    <div className={pretext ? 'attachment attachment--pretext' : 'attachment'}>
      {pretext && (
        <div className="attachment__thumb-pretext">
          <Markdown text={pretext} />
        </div>
      )}
      {hasBox && (
        <div className="attachment__content">
          <div className={containerClass} style={color.startsWith('#') ? { borderLeftColor: color } : undefined}>
            {(str(a.author_name) || image(a.author_icon)) && (
              <Author name={str(a.author_name)} icon={image(a.author_icon)} link={str(a.author_link)} />
            )}
            {str(a.title) && <Title title={str(a.title)} link={str(a.title_link)} />}
            <div>
              <div className={thumb ? 'attachment__body' : 'attachment__body attachment__body--no_thumb'}>
                {str(a.text) && (
                  <CollapsibleText maxHeight={ATTACHMENT_TEXT_MAX_PX} collapseClass="post-attachment-collapse">
                    <Markdown text={str(a.text)} />
                  </CollapsibleText>
                )}
                {imageUrl && (
                  <div className="attachment__image-container">
                    <div className="file-preview__button">
                      <img className="attachment__image" src={imageUrl} alt="" />
                    </div>
                  </div>
                )}
                <AttachmentFields fields={fields} />
                {str(a.footer) && <Footer text={str(a.footer)} icon={image(a.footer_icon)} />}
                <AttachmentActions actions={actions} onClick={onClick} />
                {error && (
                  <div className="has-error">
                    <span className="control-label">{error}</span>
                  </div>
                )}
              </div>
              {thumb && (
                <div className="attachment__thumb-container">
                  <div className="file-preview__button">
                    <figure>
                      <img src={thumb} alt="" />
                    </figure>
                  </div>
                </div>
              )}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
