import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/store';
import type { TrafficFilters } from './use-traffic';

/** The traffic view's filters as the toolbar holds them; `source` is `hook:ID` or `command:ID`. */
export interface TrafficFilterFields {
  kind: string;
  direction: string;
  status: string;
  /** What is typed in the search box; `q` is what was searched. */
  search: string;
  q: string;
  source: string;
  /** The start of the time window, in ms since the epoch, as text ('' for any time). */
  from: string;
}

/** The traffic view's state: kept while the user visits other pages, so coming back finds it as left. */
export interface TrafficSlice {
  trafficFilters: TrafficFilterFields;
  setTrafficFilter: (changes: Partial<TrafficFilterFields>) => void;
  /** The exchange whose details are shown. */
  selectedExchange: number | null;
  selectExchange: (id: number | null) => void;
  /** The ticked exchanges (to save as a collection or compare two). */
  pickedExchanges: number[];
  togglePicked: (id: number) => void;
  clearPicked: (id?: number) => void;
  /** The two exchanges being compared, older first. */
  comparing: [number, number] | null;
  compare: (pair: [number, number] | null) => void;
}

const NO_FILTERS: TrafficFilterFields = { kind: '', direction: '', status: '', search: '', q: '', source: '', from: '' };

/** The query the list asks for: the source split into the hook or command it names. */
export function trafficQuery(fields: TrafficFilterFields): TrafficFilters {
  const [sourceKind, sourceId] = fields.source.split(':');
  return {
    kind: fields.kind,
    direction: fields.direction,
    status: fields.status,
    q: fields.q,
    from: fields.from,
    ...(sourceKind === 'hook' ? { hook_id: sourceId } : sourceKind === 'command' ? { command_id: sourceId } : {}),
  };
}

export const createTrafficSlice: StateCreator<AppState, [], [], TrafficSlice> = (set) => ({
  trafficFilters: NO_FILTERS,
  setTrafficFilter: (changes) => set((s) => ({ trafficFilters: { ...s.trafficFilters, ...changes } })),
  selectedExchange: null,
  selectExchange: (id) => set({ selectedExchange: id, comparing: null }),
  pickedExchanges: [],
  togglePicked: (id) =>
    set((s) => ({
      pickedExchanges: s.pickedExchanges.includes(id) ? s.pickedExchanges.filter((x) => x !== id) : [...s.pickedExchanges, id],
    })),
  clearPicked: (id) => set((s) => ({ pickedExchanges: id === undefined ? [] : s.pickedExchanges.filter((x) => x !== id) })),
  comparing: null,
  compare: (pair) => set({ comparing: pair }),
});
