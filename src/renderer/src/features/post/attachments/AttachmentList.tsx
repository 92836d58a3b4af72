import { useState } from 'react';
import type { Attachment as AttachmentData } from '../../../../../shared/mattermost/incoming-webhook-request';
import { useApp } from '../../../app/store';
import { Attachment } from './Attachment';
import type { Click } from './AttachmentActions';

/**
 * A post's attachments, in order. Clicks go through Mockmost's real action flow as the viewer;
 * a failure shows Mattermost's "Action integration error." in that attachment until the next
 * successful click (rendering.md §6.1).
 */
export function AttachmentList({ postId, attachments }: { postId: string; attachments: AttachmentData[] }) {
  const control = useApp((s) => s.control);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const clickIn =
    (index: number): Click =>
    (action, selectedOption) => {
      if (!control || !action.id) return;
      control
        .call('POST /actions', { body: { post_id: postId, action_id: action.id, selected_option: selectedOption, cookie: action.cookie } })
        .then(
          () => setErrors({}),
          (error: Error) => setErrors((e) => ({ ...e, [index]: error.message })),
        );
    };
  return (
    <div id={`messageAttachmentList_${postId}`} className="attachment__list">
      {attachments.map((attachment, i) => (
        <Attachment key={i} attachment={attachment} error={errors[i] ?? null} onClick={clickIn(i)} />
      ))}
    </div>
  );
}
