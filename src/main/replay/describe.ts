import type { Difference } from '../../shared/replay/compare';

const show = (value: unknown) => {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/** `text: "Hello" → "Hi"` */
export function describeDifference(d: Difference): string {
  return `${d.path}: ${show(d.recorded)} → ${show(d.replayed)}`;
}
