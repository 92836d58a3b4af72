// The composer's worker: reads the edited payload as JSON and parses the markdown of the messages
// its preview shows, so that a keystroke in a large payload leaves the main thread only the commit.
import { parseMarkdown } from '../../../../shared/markdown/parse-message';
import { parsePayload, type PreviewReply, type PreviewRequest } from './preview-protocol';
import { previewPosts } from './preview-post';

const scope = self as unknown as { onmessage: (event: MessageEvent<PreviewRequest>) => void; postMessage: (reply: PreviewReply) => void };

scope.onmessage = ({ data }) => {
  const { value, error } = parsePayload(data.text);
  const messages = error ? [] : previewPosts(data.kind, value, data.author, data.users).map((post) => post.message);
  const trees = [...new Set(messages)]
    .filter(Boolean)
    .map((message): [string, ReturnType<typeof parseMarkdown>] => [message, parseMarkdown(message, data.options)]);
  scope.postMessage({ seq: data.seq, value, error, trees });
};
