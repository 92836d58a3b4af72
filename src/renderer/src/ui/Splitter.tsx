import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { readPref, writePref } from '../app/prefs';

interface Pane {
  /** Where the width is remembered, e.g. `mockmost.pane.sidebar`. */
  key: string;
  initial: number;
  min: number;
  max: number;
}

const clamp = (pane: Pane, width: number) => Math.round(Math.min(pane.max, Math.max(pane.min, width)));

/** A pane's width in pixels, as the user last dragged it (a stored value out of range, or garbage, gives the default). */
export function usePaneWidth(pane: Pane): [number, (width: number) => void] {
  const [width, setWidth] = useState(() => {
    const stored = Number(readPref(pane.key));
    return Number.isFinite(stored) && stored >= pane.min && stored <= pane.max ? stored : pane.initial;
  });
  const set = (next: number) => {
    const value = clamp(pane, next);
    setWidth(value);
    writePref(pane.key, String(value));
  };
  return [width, set];
}

/** The bar at a pane's right edge: drag it, or focus it and use the arrow keys, to resize the pane. */
export function Splitter({
  id,
  label,
  pane,
  width,
  onResize,
}: {
  id: string;
  label: string;
  pane: Pane;
  width: number;
  onResize: (width: number) => void;
}) {
  const [drag, setDrag] = useState<{ x: number; width: number } | null>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === 'ArrowLeft') onResize(width - step);
    else if (event.key === 'ArrowRight') onResize(width + step);
    else if (event.key === 'Home') onResize(pane.min);
    else if (event.key === 'End') onResize(pane.max);
    else return;
    event.preventDefault();
  };
  return (
    <div
      id={id}
      className={drag ? 'splitter splitter--dragging' : 'splitter'}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={pane.min}
      aria-valuemax={pane.max}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(e: PointerEvent) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ x: e.clientX, width });
      }}
      onPointerMove={(e) => drag && onResize(drag.width + e.clientX - drag.x)}
      onPointerUp={() => setDrag(null)}
      onPointerCancel={() => setDrag(null)}
      onDoubleClick={() => onResize(pane.initial)}
    />
  );
}
