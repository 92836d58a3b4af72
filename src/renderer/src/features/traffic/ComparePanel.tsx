import { useEffect, useState } from 'react';
import type { ExchangeDiff } from '../../../../shared/contract/control-api';
import type { Exchange } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';
import { JsonDiff } from '../../ui/monaco/JsonDiff';
import { DifferenceList } from './DifferenceList';
import { diffText } from './replay-request';

interface Compared {
  a: Exchange;
  b: Exchange;
  diff: ExchangeDiff;
}

/** One side of the comparison: what differs, then both bodies side by side. */
function Side({
  title,
  id,
  differences,
  original,
  modified,
}: {
  title: string;
  id: string;
  differences: ExchangeDiff['request'];
  original: string;
  modified: string;
}) {
  return (
    <section aria-label={title}>
      <h3>
        {title}: {differences.length === 0 ? 'the same' : `${differences.length} difference${differences.length === 1 ? '' : 's'}`}
      </h3>
      <DifferenceList id={`${id}Differences`} differences={differences} />
      <JsonDiff id={`${id}Diff`} className="traffic__diff" original={original} modified={modified} />
    </section>
  );
}

/**
 * Two captured exchanges side by side, the older on the left: what differs in the requests (did
 * the integration send something else this time?) and in the answers, as replay compares them.
 */
export function ComparePanel({ ids, onClose }: { ids: [number, number]; onClose: () => void }) {
  const control = useApp((s) => s.control);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [a, b] = ids;
  useEffect(() => {
    if (!control) return;
    let live = true;
    Promise.all([
      control.call('GET /exchanges/:id', { params: { id: a } }),
      control.call('GET /exchanges/:id', { params: { id: b } }),
      control.call('GET /exchanges/diff', { query: { a: String(a), b: String(b) } }),
    ])
      .then(([first, second, diff]) => live && setCompared({ a: first, b: second, diff }))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [control, a, b]);

  return (
    <div id="comparePanel" className="traffic__detail">
      <p>
        <strong>
          #{a} (left) and #{b} (right)
        </strong>{' '}
        <button id="compareClose" type="button" className="btn btn-tertiary" onClick={onClose}>
          Close
        </button>
      </p>
      {error && (
        <p className="has-error control-label" role="alert">
          {error}
        </p>
      )}
      {compared && (
        <>
          <Side
            title="Requests"
            id="compareRequest"
            differences={compared.diff.request}
            original={diffText(compared.a.request_body)}
            modified={diffText(compared.b.request_body)}
          />
          <Side
            title="Answers"
            id="compareResponse"
            differences={compared.diff.response}
            original={diffText(compared.a.response_body)}
            modified={diffText(compared.b.response_body)}
          />
        </>
      )}
    </div>
  );
}
