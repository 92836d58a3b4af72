import type { Difference } from '../../../../shared/replay/compare';

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** Differences by path, `before → after`, as `mockmost replay` prints them. */
export function DifferenceList({ id, differences }: { id?: string; differences: Difference[] }) {
  return (
    <ul id={id} className="traffic__differences">
      {differences.map((d, i) => (
        <li key={i}>
          <code>{d.path}</code>: {show(d.recorded)} → {show(d.replayed)}
        </li>
      ))}
    </ul>
  );
}
