import type { ReplayResult } from './run-replay';
import { describeDifference } from './describe';

const escape = (text: string) =>
  text
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A JUnit XML report: one testcase per replayed exchange, failures for changes, errors for failed calls. */
export function junitXml(suite: string, results: ReplayResult[]): string {
  const failures = results.filter((r) => r.outcome === 'changed').length;
  const errors = results.filter((r) => r.outcome === 'failed').length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, r) => sum + r.durationMs, 0);
  const cases = results.map((r) => {
    const open = `    <testcase classname="${escape(r.entry.kind)}" name="${escape(r.entry.name)}" time="${seconds(r.durationMs)}"`;
    if (r.outcome === 'same') return `${open}/>`;
    const details = r.differences.map(describeDifference).join('\n');
    const tag = r.outcome === 'failed' ? 'error' : 'failure';
    const message = r.error ?? `${r.differences.length} difference(s)`;
    return `${open}>\n      <${tag} message="${escape(message)}" type="${tag === 'error' ? 'ReplayError' : 'ResponseChanged'}">${escape(details)}</${tag}>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mockmost replay" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    `  <testsuite name="${escape(suite)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
