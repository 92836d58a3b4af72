import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blanks. */
const OVERSCAN = 10;

interface Props<T> {
  id: string;
  className: string;
  items: readonly T[];
  /** Every row has this height (px): what makes the window arithmetic exact and cheap. */
  rowHeight: number;
  keyOf: (item: T) => string | number;
  row: (item: T) => ReactNode;
  /** Called when the last rows come into view (to fetch more). */
  onNearEnd?: () => void;
  /** After the rows: "load more", "nothing here". */
  footer?: ReactNode;
}

/**
 * A list that renders only the rows in view (plus a margin), each absolutely placed in a
 * container as tall as all of them: a million-row history scrolls as lightly as ten rows.
 */
export function VirtualList<T>({ id, className, items, rowHeight, keyOf, row, onNearEnd, footer }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const nearEnd = last >= items.length - OVERSCAN;
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, items.length, onNearEnd]);
  return (
    <div
      ref={scroller}
      className={className}
      onScroll={(e) => {
        // Read now: the event's currentTarget is gone by the time React runs the updater.
        const top = e.currentTarget.scrollTop;
        setView((v) => ({ ...v, top }));
      }}
    >
      <ol id={id} className="virtual-list" style={{ height: items.length * rowHeight }} aria-rowcount={items.length}>
        {items.slice(first, last).map((item, i) => (
          <li key={keyOf(item)} className="virtual-list__row" style={{ top: (first + i) * rowHeight, height: rowHeight }}>
            {row(item)}
          </li>
        ))}
      </ol>
      {footer}
    </div>
  );
}
