import { useMemo } from 'react';
import { useApp } from '../../app/store';
import { CollectionsPanel } from './CollectionsPanel';
import { ExchangeList } from './ExchangeList';
import { trafficQuery } from './traffic-slice';
import { TrafficDetailPane } from './TrafficDetailPane';
import { TrafficToolbar } from './TrafficToolbar';
import { useTraffic } from './use-traffic';
import { Splitter, usePaneWidth } from '../../ui/Splitter';
import './traffic.css';

const LIST_PANE = { key: 'mockmost.pane.trafficList', initial: 520, min: 280, max: 1200 };

/** Offers to compare when exactly two exchanges are ticked. */
function CompareTicked() {
  const picked = useApp((s) => s.pickedExchanges);
  const compare = useApp((s) => s.compare);
  if (picked.length !== 2) return null;
  return (
    <p className="traffic__compare">
      <button
        id="compareSelected"
        type="button"
        className="btn btn-tertiary"
        onClick={() => compare([Math.min(...picked), Math.max(...picked)] as [number, number])}
      >
        Compare the 2 selected
      </button>
    </p>
  );
}

/** Every captured exchange, newest first and live, with filters, search, details and replay. */
export function TrafficPage() {
  const fields = useApp((s) => s.trafficFilters);
  const filters = useMemo(() => trafficQuery(fields), [fields]);
  const { items, error, exhausted, indexingPending, loadOlder, deleteOne, clearAll } = useTraffic(filters);
  const picked = useApp((s) => s.pickedExchanges);
  const selectExchange = useApp((s) => s.selectExchange);
  const clearPicked = useApp((s) => s.clearPicked);
  const [listWidth, setListWidth] = usePaneWidth(LIST_PANE);

  return (
    <div className="traffic">
      <TrafficToolbar
        onClear={() => {
          selectExchange(null);
          void clearAll();
        }}
      />
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
      <CollectionsPanel selected={picked} onSaved={() => clearPicked()} />
      <CompareTicked />
      <div className="traffic__panes">
        <div className="traffic__list-pane" style={{ width: listWidth }}>
          <ExchangeList items={items} exhausted={exhausted} loadOlder={loadOlder} />
        </div>
        <Splitter id="trafficListSplitter" label="Resize the exchange list" pane={LIST_PANE} width={listWidth} onResize={setListWidth} />
        <TrafficDetailPane
          onDelete={(id) => {
            selectExchange(null);
            clearPicked(id);
            void deleteOne(id);
          }}
        />
      </div>
    </div>
  );
}
