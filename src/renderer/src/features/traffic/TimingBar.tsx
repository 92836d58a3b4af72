import type { Exchange } from '../../../../shared/contract/exchange';

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/**
 * Where the exchange's time went, as a bar. Inbound: the request's body arriving, then Mockmost
 * answering (Mattermost's rules and the commit). Outbound: waiting for the integration's answer to
 * start, then its body arriving.
 */
export function TimingBar({ exchange }: { exchange: Exchange }) {
  const total = exchange.duration_ms;
  if (exchange.transfer_ms === null || total <= 0) return null;
  const transfer = Math.min(exchange.transfer_ms, total);
  const wait = total - transfer;
  const inbound = exchange.direction === 'inbound';
  const segments = inbound
    ? [
        { kind: 'transfer', label: 'Receiving the request', value: transfer },
        { kind: 'wait', label: 'Mockmost answering', value: wait },
      ]
    : [
        { kind: 'wait', label: 'Waiting for the answer', value: wait },
        { kind: 'transfer', label: 'Receiving the answer', value: transfer },
      ];
  return (
    <figure id="exchangeTimings" className="traffic__timings" aria-label={`Timings, ${ms(total)} in all`}>
      <div className="traffic__timing-bar">
        {segments.map((s) => (
          <span
            key={s.kind}
            className={`traffic__timing traffic__timing--${s.kind}`}
            style={{ flexGrow: s.value / total, flexBasis: 0 }}
            title={`${s.label}: ${ms(s.value)}`}
          />
        ))}
      </div>
      <figcaption>
        {segments.map((s) => (
          <span key={s.kind} className={`traffic__timing-label traffic__timing-label--${s.kind}`}>
            {s.label} <strong>{ms(s.value)}</strong>
          </span>
        ))}
        <span>
          In all <strong>{ms(total)}</strong>
        </span>
      </figcaption>
    </figure>
  );
}
