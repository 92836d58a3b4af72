import type { ExchangeSummary } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';
import { VirtualList } from '../../ui/VirtualList';
import { statusClass } from './exchange-display';

/** Height of a row of the list (px), fixed so that only the rows in view need rendering. */
const ROW_HEIGHT = 32;

/** One exchange in the list: tick box, status, kind, method and URL, and a flag when it has a diagnosis. */
function ExchangeRow({ exchange: e }: { exchange: ExchangeSummary }) {
  const selected = useApp((s) => s.selectedExchange === e.id);
  const picked = useApp((s) => s.pickedExchanges.includes(e.id));
  const selectExchange = useApp((s) => s.selectExchange);
  const togglePicked = useApp((s) => s.togglePicked);
  return (
    <div
      data-exchange-id={e.id}
      className={selected ? 'traffic__item traffic__item--selected' : 'traffic__item'}
      onClick={() => selectExchange(e.id)}
    >
      <input
        type="checkbox"
        aria-label={`Select exchange ${e.id}`}
        checked={picked}
        onClick={(event) => event.stopPropagation()}
        onChange={() => togglePicked(e.id)}
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
  );
}

/** The captured exchanges, newest first, windowed; older pages load as the end comes into view. */
export function ExchangeList({ items, exhausted, loadOlder }: { items: ExchangeSummary[]; exhausted: boolean; loadOlder: () => void }) {
  const q = useApp((s) => s.trafficFilters.q);
  return (
    <VirtualList
      id="trafficList"
      className="traffic__list"
      items={items}
      rowHeight={ROW_HEIGHT}
      keyOf={(e) => e.id}
      onNearEnd={loadOlder}
      row={(e) => <ExchangeRow exchange={e} />}
      footer={
        !exhausted ? (
          <p className="traffic__empty">{q ? 'Searching older exchanges…' : 'Loading older exchanges…'}</p>
        ) : (
          items.length === 0 && <p className="traffic__empty">Nothing captured{q ? ` matches "${q}"` : ' yet'}.</p>
        )
      }
    />
  );
}
