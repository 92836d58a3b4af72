const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Message attachments, as plain text for now (full rendering comes with the markdown renderer). */
export function AttachmentList({ postId, attachments }: { postId: string; attachments: Record<string, unknown>[] }) {
  return (
    <div id={`messageAttachmentList_${postId}`} className="attachment__list">
      {attachments.map((a, i) => (
        <div key={i} className="attachment">
          {text(a.pretext) && <div className="attachment__thumb-pretext">{text(a.pretext)}</div>}
          <div className="attachment__content">
            <div className="clearfix attachment__container">
              {text(a.author_name) && <div className="attachment__author-name">{text(a.author_name)}</div>}
              {text(a.title) && <h1 className="attachment__title">{text(a.title)}</h1>}
              {text(a.text) && <div className="attachment__text">{text(a.text)}</div>}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
