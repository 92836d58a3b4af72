import { tokenizeText } from '../../../../../shared/markdown/text-tokens';
import { Markdown } from '../Markdown';
import { InlineNode } from '../MarkdownInlines';
import { useRenderContext } from '../render-context';
import { groupFields, type AttachmentField } from './field-grouping';

const asText = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A field title: no markdown and no @mentions, but emoji, hashtags and e-mails. */
function FieldTitle({ text }: { text: string }) {
  const { markdown } = useRenderContext();
  return (
    <>
      {tokenizeText(text, { options: markdown, inLink: false }).map((node, i) =>
        node.type === 'mention' ? `@${node.name}` : <InlineNode key={i} node={node} />,
      )}
    </>
  );
}

export function AttachmentFields({ fields }: { fields: AttachmentField[] }) {
  if (fields.length === 0) return null;
  return (
    <div>
      {groupFields(fields).map((table, t) => (
        <table key={t} className="attachment-fields">
          <thead>
            <tr>
              {table.map((field, i) => (
                <th key={i} className="attachment-field__caption">
                  <FieldTitle text={asText(field.title)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {table.map((field, i) => (
                <td key={i} className="attachment-field">
                  <Markdown text={asText(field.value)} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}
