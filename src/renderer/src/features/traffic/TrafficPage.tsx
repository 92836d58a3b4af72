import { useEffect, useMemo, useState } from 'react';
import { EXCHANGE_KINDS, type Exchange } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';
import { VirtualList } from '../../ui/VirtualList';
import { useIntegrations } from '../integrations/use-integrations';
import { ComparePanel } from './ComparePanel';
import { CollectionsPanel } from './CollectionsPanel';
import { ExchangeDetail } from './ExchangeDetail';
import { useTraffic, type TrafficFilters } from './use-traffic';
import { BackToChannels } from '../../ui/BackToChannels';

/** Time windows offered by the "since" filter. */
const SINCE_CHOICES: [string, number][] = [
  ['Last 5 minutes', 5 * 60_000],
  ['Last hour', 3_600_000],
  ['Last 24 hours', 86_400_000],
  ['Last 7 days', 7 * 86_400_000],
];

/** Height of a row of the list (px), fixed so that only the rows in view need rendering. */
const ROW_HEIGHT = 32;

/** The whole exchange (headers and bodies) once one is selected: the list holds summaries only. */
function useExchange(id: number | null): Exchange | null {
  const control = useApp((s) => s.control);
  const [exchange, setExchange] = useState<Exchange | null>(null);
  useEffect(() => {
    setExchange(null);
    if (id === null || !control) return;
    let live = true;
    control
      .call('GET /exchanges/:id', { params: { id } })
      .then((e) => live && setExchange(e))
      .catch(() => live && setExchange(null));
    return () => {
      live = false;
    };
  }, [id, control]);
  return exchange;
}

const statusClass = (status: number | null) => (status === null ? 'error' : `${Math.floor(status / 100)}xx`);

/** Every captured exchange, newest first and live, with filters, search, details and replay. */
export function TrafficPage() {
  const [kind, setKind] = useState('');
  const [direction, setDirection] = useState('');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [source, setSource] = useState('');
  const [from, setFrom] = useState('');
  const filters = useMemo<TrafficFilters>(() => {
    const [sourceKind, sourceId] = source.split(':');
    return {
      kind,
      direction,
      status,
      q,
      from,
      ...(sourceKind === 'hook' ? { hook_id: sourceId } : sourceKind === 'command' ? { command_id: sourceId } : {}),
    };
  }, [kind, direction, status, q, source, from]);
  const { incoming, outgoing, commands } = useIntegrations();
  const { items, error, exhausted, indexingPending, loadOlder, deleteOne, clearAll } = useTraffic(filters);
  const [selected, setSelected] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState<[number, number] | null>(null);
  const toggle = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const current = useExchange(selected);

  return (
    <div className="traffic">
      <header className="composer__toolbar">
        <BackToChannels />
        <select id="trafficKind" aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All kinds</option>
          {EXCHANGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select id="trafficDirection" aria-label="Direction" value={direction} onChange={(e) => setDirection(e.target.value)}>
          <option value="">Both directions</option>
          <option value="inbound">Inbound (to Mockmost)</option>
          <option value="outbound">Outbound (to integrations)</option>
        </select>
        <select id="trafficStatus" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {['2xx', '3xx', '4xx', '5xx', 'error'].map((s) => (
            <option key={s} value={s}>
              {s === 'error' ? 'no answer' : s}
            </option>
          ))}
        </select>
        <select id="trafficSource" aria-label="Hook or command" value={source} onChange={(e) => setSource(e.target.value)}>
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
        <select
          id="trafficSince"
          aria-label="Since"
          value={from === '' ? '' : 'chosen'}
          onChange={(e) => setFrom(e.target.value === '' ? '' : String(Date.now() - Number(e.target.value)))}
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
            setQ(search.trim());
          }}
        >
          <input
            id="trafficSearch"
            type="search"
            placeholder="Search URLs and bodies"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </form>
        {confirming ? (
          <span className="traffic__confirm" role="alert">
            Delete every captured exchange?{' '}
            <button
              id="trafficClearConfirm"
              type="button"
              className="btn btn-danger"
              onClick={() => {
                setConfirming(false);
                setSelected(null);
                void clearAll();
              }}
            >
              Delete all
            </button>
            <button type="button" className="btn btn-tertiary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button id="trafficClear" type="button" className="btn btn-tertiary" onClick={() => setConfirming(true)}>
            Clear…
          </button>
        )}
      </header>
      {error && (
        <p className="has-error control-label" role="alert">
          {error}
        </p>
      )}
      {indexingPending > 0 && (
        <p id="trafficIndexing" className="traffic__note" role="status">
          Indexing {indexingPending.toLocaleString('en-US')} captured exchanges for search; newer matches appear as it goes.
        </p>
      )}
      <CollectionsPanel selected={picked} onSaved={() => setPicked([])} />
      {picked.length === 2 && (
        <p className="traffic__compare">
          <button
            id="compareSelected"
            type="button"
            className="btn btn-tertiary"
            onClick={() => setComparing([Math.min(...picked), Math.max(...picked)] as [number, number])}
          >
            Compare the 2 selected
          </button>
        </p>
      )}
      <div className="traffic__panes">
        <VirtualList
          id="trafficList"
          className="traffic__list"
          items={items}
          rowHeight={ROW_HEIGHT}
          keyOf={(e) => e.id}
          onNearEnd={loadOlder}
          row={(e) => (
            <div
              data-exchange-id={e.id}
              className={e.id === selected ? 'traffic__item traffic__item--selected' : 'traffic__item'}
              onClick={() => {
                setComparing(null);
                setSelected(e.id);
              }}
            >
              <input
                type="checkbox"
                aria-label={`Select exchange ${e.id}`}
                checked={picked.includes(e.id)}
                onClick={(event) => event.stopPropagation()}
                onChange={() => toggle(e.id)}
              />
              <span className={`traffic__status traffic__status--${statusClass(e.status)}`}>{e.status ?? '—'}</span>
              <span className="traffic__kind">{e.kind}</span>
              <span className="traffic__url">
                {e.method} {e.url}
              </span>
              {e.diagnosis.length > 0 && (
                <span className="traffic__flag" title={e.diagnosis.map((d) => d.message).join('\n')}>
                  !
                </span>
              )}
            </div>
          )}
          footer={
            !exhausted ? (
              <p className="traffic__empty">{q ? 'Searching older exchanges…' : 'Loading older exchanges…'}</p>
            ) : (
              items.length === 0 && <p className="traffic__empty">Nothing captured{q ? ` matches "${q}"` : ' yet'}.</p>
            )
          }
        />
        <div className="traffic__detail-pane">
          {comparing ? (
            <ComparePanel key={comparing.join()} ids={comparing} onClose={() => setComparing(null)} />
          ) : current ? (
            <ExchangeDetail
              key={current.id}
              exchange={current}
              onDelete={() => {
                setSelected(null);
                setPicked((p) => p.filter((id) => id !== current.id));
                void deleteOne(current.id);
              }}
            />
          ) : (
            <p className="traffic__empty">Select an exchange.</p>
          )}
        </div>
      </div>
    </div>
  );
}
