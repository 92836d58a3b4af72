import { useEffect, useState } from 'react';
import type { Exchange } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';
import { ComparePanel } from './ComparePanel';
import { ExchangeDetail } from './ExchangeDetail';

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

/** The right pane: two exchanges compared, or the selected one's details, or a hint. */
export function TrafficDetailPane({ onDelete }: { onDelete: (id: number) => void }) {
  const comparing = useApp((s) => s.comparing);
  const compare = useApp((s) => s.compare);
  const current = useExchange(useApp((s) => s.selectedExchange));
  return (
    <div className="traffic__detail-pane">
      {comparing ? (
        <ComparePanel key={comparing.join()} ids={comparing} onClose={() => compare(null)} />
      ) : current ? (
        <ExchangeDetail key={current.id} exchange={current} onDelete={() => onDelete(current.id)} />
      ) : (
        <p className="traffic__empty">Select an exchange.</p>
      )}
    </div>
  );
}
