/** Who started the exchange: a client calling Mockmost, or Mockmost calling an integration. */
export type ExchangeDirection = 'inbound' | 'outbound';

export const EXCHANGE_KINDS = [
  'incoming_webhook',
  'rest',
  'outgoing_webhook',
  'slash_command',
  'action',
  'dialog',
  'response_url',
  'other',
] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export type HeaderList = [name: string, value: string][];

/** A captured body: text when it was valid UTF-8, else base64. Cut at the store's cap. */
export interface CapturedBody {
  encoding: 'utf8' | 'base64';
  data: string;
  size: number;
  truncated: boolean;
}

/** Plain-language explanation of what happened, for the traffic view. */
export interface Diagnosis {
  code: string;
  message: string;
  fix?: string;
}

export interface ExchangeSummary {
  id: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  method: string;
  url: string;
  status: number | null;
  started_at: number;
  duration_ms: number;
  error_id: string | null;
  hook_id: string | null;
  command_id: string | null;
  post_id: string | null;
  diagnosis: Diagnosis[];
}

export interface Exchange extends ExchangeSummary {
  request_headers: HeaderList;
  request_body: CapturedBody;
  response_headers: HeaderList;
  response_body: CapturedBody;
  /**
   * Of `duration_ms`, how long the body took to arrive, from its first byte to its last: the
   * request's for inbound exchanges, the answer's for outbound ones; the rest was waiting (on
   * Mockmost's processing, or on the integration). Null for exchanges captured before Mockmost
   * measured it, and for calls that got no answer.
   */
  transfer_ms: number | null;
  error: string | null;
}
