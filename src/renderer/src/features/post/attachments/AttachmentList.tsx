import { memo, useMemo, useState } from 'react';
import type { Attachment as AttachmentData } from '../../../../../shared/mattermost/incoming-webhook-request';
import { useApp } from '../../../app/store';
import { Attachment as AttachmentView } from './Attachment';
import type { Click } from './AttachmentActions';

/**
 * An attachment drawn again only when its content (or error) changed: while a payload is typed
 * in the composer every keystroke yields new objects, and twenty unchanged attachments would
 * otherwise be rebuilt each time.
 */
const Attachment = memo(
  AttachmentView,
  (a, b) => a.error === b.error && a.onClick === b.onClick && JSON.stringify(a.attachment) === JSON.stringify(b.attachment),
);

/**
 * A post's attachments, in order. Clicks go through Mockmost's real action flow as the viewer;
 * a failure shows Mattermost's "Action integration error." in that attachment until the next
 * successful click (webapp/channels/src/actions/post_actions.ts: doPostActionWithCookie).
 */
export function AttachmentList({ postId, attachments }: { postId: string; attachments: AttachmentData[] }) {
  const control = useApp((s) => s.control);
  const [errors, setErrors] = useState<Record<number, string>>({});
  // One handler per attachment, kept while the post and the count stay, so the memo above holds.
  const clicks = useMemo(
    () =>
      Array.from({ length: attachments.length }, (_, index): Click => (action, selectedOption) => {
        if (!control || !action.id) return;
        control
          .call('POST /actions', {
            body: { post_id: postId, action_id: action.id, selected_option: selectedOption, cookie: action.cookie },
          })
          .then(
            () => setErrors({}),
            (error: Error) => setErrors((e) => ({ ...e, [index]: error.message })),
          );
      }),
    [control, postId, attachments.length],
  );
  return (
    <div id={`messageAttachmentList_${postId}`} className="attachment__list">
      {attachments.map((attachment, i) => (
        <Attachment key={i} attachment={attachment} error={errors[i] ?? null} onClick={clicks[i]!} />
      ))}
    </div>
  );
}
