import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExchangeQuery } from '../../../../shared/contract/control-api';
import type { ExchangeSummary } from '../../../../shared/contract/exchange';
import { useApp } from '../../app/store';

const PAGE = 200;
const POLL_MS = 1000;

export type TrafficFilters = Pick<ExchangeQuery, 'kind' | 'direction' | 'status' | 'q' | 'hook_id' | 'command_id' | 'from'>;

/**
 * The captured exchanges for the filters, newest first, as summaries (no headers or bodies):
 * new ones are fetched every second (only those after the newest shown), older ones a page at
 * a time as the list is scrolled, so a huge store stays fast. A search over a long history may
 * answer a short page and where to go on from (`continue_before`): the next page starts there.
 * After a long burst of traffic the search index may still be catching up: each poll goes on
 * with it, `indexingPending` says how far it has to go, and newer matches come in as it gets there.
 */
export function useTraffic(filters: TrafficFilters) {
  const control = useApp((s) => s.control);
  const [items, setItems] = useState<ExchangeSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [exhausted, setExhausted] = useState(false);
  /** Exchanges the search index has still to take in (after a long burst): newer matches come as it does. */
  const [indexingPending, setIndexingPending] = useState(0);
  /** Where the next older page starts (exclusive); undefined before the first answer. */
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const newest = useRef<number | undefined>(undefined);
  const loading = useRef(false);
  /** Bumped when the filters change, so that a page asked for under the old ones is dropped. */
  const generation = useRef(0);
  const query = useCallback(
    (extra: ExchangeQuery) => {
      const q: ExchangeQuery = { limit: String(PAGE), ...extra };
      for (const [key, value] of Object.entries(filters)) if (value) q[key as 'kind'] = value;
      return control!.call('GET /traffic', { query: q });
    },
    [control, filters],
  );

  useEffect(() => {
    if (!control) return;
    let live = true;
    generation.current++;
    newest.current = undefined;
    setItems([]);
    setExhausted(false);
    setCursor(undefined);
    const poll = async () => {
      try {
        const first = newest.current === undefined;
        const page = await query(first ? {} : { after: String(newest.current) });
        if (!live) return;
        setIndexingPending(page.indexing_pending ?? 0);
        const fresh = page.items;
        if (fresh.length > 0) {
          newest.current = fresh[0]!.id;
          setItems((old) => [...fresh, ...old]);
        }
        if (first) {
          setCursor(page.continue_before ?? fresh.at(-1)?.id);
          setExhausted(fresh.length < PAGE && page.continue_before === undefined);
        }
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

  const loadOlder = useCallback(async () => {
    if (cursor === undefined || exhausted || loading.current) return;
    loading.current = true;
    const asked = generation.current;
    try {
      const page = await query({ before: String(cursor) });
      if (asked !== generation.current) return;
      setItems((old) => [...old, ...page.items]);
      setCursor(page.continue_before ?? page.items.at(-1)?.id);
      setExhausted(page.items.length < PAGE && page.continue_before === undefined);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      loading.current = false;
    }
  }, [cursor, exhausted, query]);
  const deleteOne = async (id: number) => {
    try {
      await control!.call('DELETE /exchanges/:id', { params: { id } });
      setItems((old) => old.filter((e) => e.id !== id));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const clearAll = async () => {
    await control!.call('DELETE /exchanges');
    newest.current = undefined;
    setItems([]);
    setCursor(undefined);
  };
  return { items, error, exhausted, indexingPending, loadOlder, deleteOne, clearAll };
}
