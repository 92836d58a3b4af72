import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { rememberParsed } from '../post/markdown-cache';
import { markdownOptionsOf } from '../post/render-context';
import { parsePayload, type ParsedPayload, type PreviewReply, type PreviewRequest } from './preview-protocol';
import PreviewWorker from './preview.worker?worker';

/**
 * Past this many characters the payload is read off the main thread: below it the worker's round
 * trip costs more than it saves, and the preview follows in the keystroke's own task.
 */
const OFF_THREAD_OVER = 4096;

/**
 * The editor's text read as JSON. A large one is read by a worker, which also parses the markdown
 * of the messages the preview shows; the trees go to the markdown cache, so the main thread only
 * draws. Replies to older edits are dropped; if the worker fails, the text is read here.
 */
export function useParsedPayload(kind: PayloadKind, text: string, view: ChannelView | null): ParsedPayload {
  const large = text.length > OFF_THREAD_OVER && view !== null;
  const [worker, setWorker] = useState<Worker | null>(null);
  // Null until the worker has answered: meanwhile the text is read here, so the preview never blanks.
  const [offThread, setOffThread] = useState<ParsedPayload | null>(null);
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);
  const needed = large && worker === null && !failed;

  // Started on the first large payload, and kept until the composer closes.
  useEffect(() => {
    if (!needed) return;
    try {
      const started = new PreviewWorker();
      started.onerror = () => {
        setFailed(true);
        setWorker(null);
      };
      setWorker(started);
    } catch {
      // No worker (a locked-down browser): the text is read here.
      setFailed(true);
    }
  }, [needed]);
  useEffect(() => () => worker?.terminate(), [worker]);

  useEffect(() => {
    if (!worker || !view) return;
    worker.onmessage = ({ data }: MessageEvent<PreviewReply>) => {
      if (data.seq !== seq.current) return;
      const options = markdownOptionsOf(view.settings);
      for (const [message, blocks] of data.trees) rememberParsed(message, options, blocks);
      flushSync(() => setOffThread({ value: data.value, error: data.error }));
    };
  }, [worker, view]);

  useEffect(() => {
    if (!large || !worker || !view) return;
    const request: PreviewRequest = {
      seq: ++seq.current,
      kind,
      text,
      author: view.viewer,
      users: view.users,
      options: markdownOptionsOf(view.settings),
    };
    worker.postMessage(request);
  }, [large, worker, view, kind, text]);

  const offThreadNow = large && worker !== null ? offThread : null;
  const onThread = useMemo(() => (offThreadNow ? null : parsePayload(text)), [offThreadNow, text]);
  return offThreadNow ?? onThread!;
}
