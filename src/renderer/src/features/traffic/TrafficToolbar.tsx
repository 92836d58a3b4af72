import { useState } from 'react';
import { EXCHANGE_KINDS } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';
import { useIntegrations } from '../integrations/use-integrations';

/** Time windows offered by the "since" filter. */
const SINCE_CHOICES: [string, number][] = [
  ['Last 5 minutes', 5 * 60_000],
  ['Last hour', 3_600_000],
  ['Last 24 hours', 86_400_000],
  ['Last 7 days', 7 * 86_400_000],
];

/** The hooks and commands exchanges can be filtered by. */
function SourceFilter() {
  const source = useApp((s) => s.trafficFilters.source);
  const setFilter = useApp((s) => s.setTrafficFilter);
  const { incoming, outgoing, commands } = useIntegrations();
  return (
    <select id="trafficSource" aria-label="Hook or command" value={source} onChange={(e) => setFilter({ source: e.target.value })}>
      <option value="">Any hook or command</option>
      {incoming.map((h) => (
        <option key={h.id} value={`hook:${h.id}`}>
          Incoming: {h.display_name || h.id}
        </option>
      ))}
      {outgoing.map((h) => (
        <option key={h.id} value={`hook:${h.id}`}>
          Outgoing: {h.display_name || h.id}
        </option>
      ))}
      {commands.map((c) => (
        <option key={c.id} value={`command:${c.id}`}>
          /{c.trigger}
        </option>
      ))}
    </select>
  );
}

/** Deletes every captured exchange, after a second click. */
function ClearHistory({ onClear }: { onClear: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button id="trafficClear" type="button" className="btn btn-tertiary" onClick={() => setConfirming(true)}>
        Clear…
      </button>
    );
  }
  return (
    <span className="traffic__confirm" role="alert">
      Delete every captured exchange?{' '}
      <button
        id="trafficClearConfirm"
        type="button"
        className="btn btn-danger"
        onClick={() => {
          setConfirming(false);
          onClear();
        }}
      >
        Delete all
      </button>
      <button type="button" className="btn btn-tertiary" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}

/** The traffic view's filters (kind, direction, status, hook or command, time), search and clear. */
export function TrafficToolbar({ onClear }: { onClear: () => void }) {
  const { kind, direction, status, search, from } = useApp((s) => s.trafficFilters);
  const setFilter = useApp((s) => s.setTrafficFilter);
  return (
    <header className="composer__toolbar">
      <select id="trafficKind" aria-label="Kind" value={kind} onChange={(e) => setFilter({ kind: e.target.value })}>
        <option value="">All kinds</option>
        {EXCHANGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <select id="trafficDirection" aria-label="Direction" value={direction} onChange={(e) => setFilter({ direction: e.target.value })}>
        <option value="">Both directions</option>
        <option value="inbound">Inbound (to Mockmost)</option>
        <option value="outbound">Outbound (to integrations)</option>
      </select>
      <select id="trafficStatus" aria-label="Status" value={status} onChange={(e) => setFilter({ status: e.target.value })}>
        <option value="">Any status</option>
        {['2xx', '3xx', '4xx', '5xx', 'error'].map((s) => (
          <option key={s} value={s}>
            {s === 'error' ? 'no answer' : s}
          </option>
        ))}
      </select>
      <SourceFilter />
      <select
        id="trafficSince"
        aria-label="Since"
        value={from === '' ? '' : 'chosen'}
        onChange={(e) => setFilter({ from: e.target.value === '' ? '' : String(Date.now() - Number(e.target.value)) })}
      >
        <option value="">Any time</option>
        {from !== '' && <option value="chosen">Since {new Date(Number(from)).toLocaleTimeString()}</option>}
        {SINCE_CHOICES.map(([label, ms]) => (
          <option key={label} value={ms}>
            {label}
          </option>
        ))}
      </select>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ q: search.trim() });
        }}
      >
        <input
          id="trafficSearch"
          type="search"
          placeholder="Search URLs and bodies"
          value={search}
          onChange={(e) => setFilter({ search: e.target.value })}
        />
      </form>
      <ClearHistory onClear={onClear} />
    </header>
  );
}
