import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExchangeQuery } from '../../../../shared/contract/control-api';
import type { Exchange } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';

const PAGE = 100;
const POLL_MS = 1000;

export type TrafficFilters = Pick<ExchangeQuery, 'kind' | 'direction' | 'status' | 'q'>;

/**
 * The captured exchanges for the filters, newest first: new ones are fetched every second
 * (only those after the newest shown), older ones a page at a time, so a huge store stays fast.
 */
export function useTraffic(filters: TrafficFilters) {
  const control = useApp((s) => s.control);
  const [items, setItems] = useState<Exchange[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [exhausted, setExhausted] = useState(false);
  const newest = useRef<number | undefined>(undefined);
  const query = useCallback(
    (extra: ExchangeQuery) => {
      const q: ExchangeQuery = { limit: String(PAGE), ...extra };
      for (const [key, value] of Object.entries(filters)) if (value) q[key as keyof ExchangeQuery] = value;
      return control!.call('GET /exchanges', { query: q });
    },
    [control, filters],
  );

  useEffect(() => {
    if (!control) return;
    let live = true;
    newest.current = undefined;
    setItems([]);
    setExhausted(false);
    const poll = async () => {
      try {
        const first = newest.current === undefined;
        const fresh = await query(first ? {} : { after: String(newest.current) });
        if (!live) return;
        if (fresh.length > 0) {
          newest.current = fresh[0]!.id;
          setItems((old) => [...fresh, ...old]);
        }
        if (first) setExhausted(fresh.length < PAGE);
        setError(null);
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [control, query]);

  const loadOlder = async () => {
    const oldest = items.at(-1)?.id;
    if (oldest === undefined) return;
    const older = await query({ before: String(oldest) });
    setItems((old) => [...old, ...older]);
    setExhausted(older.length < PAGE);
  };
  const clearAll = async () => {
    await control!.call('DELETE /exchanges');
    newest.current = undefined;
    setItems([]);
  };
  return { items, error, exhausted, loadOlder, clearAll };
}
