import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';

/** Starting points for common payloads, by kind. */
export const TEMPLATES: Record<PayloadKind, { name: string; payload: unknown }[]> = {
  incoming_webhook: [
    { name: 'Simple text', payload: { text: 'Build **#42** passed :tada: — see <https://ci.example.com/42|the log>' } },
    {
      name: 'Attachment with fields',
      payload: {
        text: 'Deployment report',
        attachments: [
          {
            color: 'good',
            title: 'api v2.3.1',
            title_link: 'https://example.com/releases/2.3.1',
            text: 'All checks passed.',
            fields: [
              { title: 'Environment', value: 'production', short: true },
              { title: 'Duration', value: '4m 12s', short: true },
            ],
            footer: 'Deploy bot',
          },
        ],
      },
    },
    {
      name: 'Buttons and a menu',
      payload: {
        attachments: [
          {
            text: 'Approve the release?',
            actions: [
              {
                id: 'approve',
                name: 'Approve',
                style: 'primary',
                integration: { url: 'http://127.0.0.1:4000/approve', context: { release: '2.3.1' } },
              },
              { id: 'reject', name: 'Reject', style: 'danger', integration: { url: 'http://127.0.0.1:4000/reject' } },
              {
                id: 'env',
                name: 'Choose an environment',
                type: 'select',
                options: [
                  { text: 'Staging', value: 'staging' },
                  { text: 'Production', value: 'production' },
                ],
                integration: { url: 'http://127.0.0.1:4000/env' },
              },
            ],
          },
        ],
      },
    },
  ],
  command_response: [
    { name: 'Ephemeral answer', payload: { text: 'Only you can see this.' } },
    { name: 'In-channel answer', payload: { response_type: 'in_channel', text: 'Weather: :sunny: 21 °C' } },
  ],
  action_response: [
    { name: 'Update the post', payload: { update: { message: 'Approved by @sysadmin :white_check_mark:' } } },
    { name: 'Ephemeral reply', payload: { ephemeral_text: 'Thanks, your choice was recorded.' } },
  ],
  dialog: [
    {
      name: 'Feedback dialog',
      payload: {
        trigger_id: 'TRIGGER_ID_FROM_THE_REQUEST',
        url: 'http://127.0.0.1:4000/dialog',
        dialog: {
          callback_id: 'feedback',
          title: 'Feedback',
          introduction_text: 'Tell us what you think.',
          elements: [
            {
              display_name: 'Rating',
              name: 'rating',
              type: 'select',
              options: [
                { text: 'Good', value: 'good' },
                { text: 'Bad', value: 'bad' },
              ],
            },
            { display_name: 'Comment', name: 'comment', type: 'textarea', optional: true },
          ],
          submit_label: 'Send',
          notify_on_cancel: false,
          state: 'anything',
        },
      },
    },
  ],
};
