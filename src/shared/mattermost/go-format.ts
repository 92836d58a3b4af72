// Go's fmt `%v` for values decoded from JSON into interface{}; Mattermost uses it to turn
// attachment field values into strings (server/public/model/message_attachment.go: MessageAttachmentField, 42 → "42", true → "true", [] → "[]").

/** strconv.FormatFloat(v, 'g', -1, 64): shortest digits, exponent form from 1e+06 up or below 1e-04. */
export function formatGoFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissa.replace(/^-/, '').replace('.', '').length;
  let precision = 6;
  if (precision > digits && digits >= exponent + 1) precision = digits;
  if (exponent < -4 || exponent >= precision) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return value.toFixed(Math.max(digits - (exponent + 1), 0));
}

export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${entries.map(([k, v]) => `${k}:${formatGoValue(v)}`).join(' ')}]`;
}
