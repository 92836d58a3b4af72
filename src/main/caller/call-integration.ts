import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import type { Diagnosis, ExchangeKind, HeaderList } from '../../shared/contract/exchange';
import type { Core } from '../core/core';
import { diagnose } from '../diagnostics/catalog';
import { ADDRESS_FORBIDDEN, hostListed, isForbiddenAddress } from './address-filter';

/** Mattermost reads integration answers through a 1 MiB limit (server/channels/app/webhook.go and command.go: io.LimitReader). */
export const RESPONSE_CAP_BYTES = 1048576;
const DIAL_TIMEOUT_MS = 3000;

export interface IntegrationCall {
  kind: ExchangeKind;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  links: { hookId?: string; commandId?: string; postId?: string };
}

export interface IntegrationAnswer {
  status: number;
  headers: Record<string, string>;
  /** At most RESPONSE_CAP_BYTES, as Mattermost sees it. */
  body: Buffer;
  /** The captured exchange, for findings made once the answer is used. */
  exchangeId: number;
}

export class CallFailed extends Error {
  constructor(
    message: string,
    readonly diagnosis: Diagnosis,
  ) {
    super(message);
    this.name = 'CallFailed';
  }
}

class ForbiddenAddress extends Error {
  constructor(readonly address: string) {
    super(ADDRESS_FORBIDDEN);
  }
}

/**
 * Calls an integration the way Mattermost does: its headers, its address filter applied to
 * every resolved address, its dial timeout and deadline, its 1 MiB read limit. Every call is
 * captured as an outbound exchange, failures with the real cause in plain words.
 */
export async function callIntegration(core: Core, call: IntegrationCall): Promise<IntegrationAnswer> {
  const settings = core.config().ServiceSettings ?? {};
  const allowed = String(settings.AllowedUntrustedInternalConnections ?? '');
  const timeoutMs = Number(settings.OutgoingIntegrationRequestsTimeout ?? 30) * 1000;
  const headers = { ...call.headers, 'User-Agent': 'Mattermost-Bot/1.1', Accept: 'application/json' };
  const startedAt = Date.now();
  const started = performance.now();
  const diagnosis: Diagnosis[] = [];
  let answer: Omit<IntegrationAnswer, 'exchangeId'> | undefined;
  let failure: CallFailed | undefined;
  let dialed: string | undefined;
  let transferMs: number | null = null;
  try {
    const url = new URL(call.url);
    const host = url.hostname;
    const listed = hostListed(host, allowed);
    if (isIP(host.replace(/^\[|\]$/g, '')) && !listed && isForbiddenAddress(host.replace(/^\[|\]$/g, ''), allowed)) {
      throw new ForbiddenAddress(host);
    }
    const agent = new Agent({
      connect: {
        timeout: DIAL_TIMEOUT_MS,
        rejectUnauthorized: settings.EnableInsecureOutgoingConnections !== true,
        lookup: (hostname, options, callback) =>
          dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
            if (error) return callback(error, '', 0);
            const bad = addresses.find((a) => !listed && isForbiddenAddress(a.address, allowed));
            if (bad) return callback(new ForbiddenAddress(bad.address), '', 0);
            // IPv4 first: local integrations mostly listen on 127.0.0.1, and "localhost" may list ::1 first.
            const chosen = [...addresses].sort((a, b) => a.family - b.family)[0]!;
            dialed = chosen.address;
            return callback(null, chosen.address, chosen.family);
          }),
      },
    });
    try {
      const response = await request(url, {
        method: call.method,
        headers,
        body: call.body,
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const headersAt = performance.now();
      answer = { status: response.statusCode, headers: flatHeaders(response.headers), body: await readCapped(response.body) };
      transferMs = performance.now() - headersAt;
    } finally {
      void agent.close();
    }
    if (answer.status < 200 || answer.status > 299) diagnosis.push(diagnose.integrationStatus(answer.status, answer.body));
    // Mockmost's seed allows loopback; say so when a fresh Mattermost would have refused.
    const ip = (dialed ?? host).replace(/^\[|\]$/g, '');
    if (isIP(ip) && isForbiddenAddress(ip, '')) diagnosis.push(diagnose.defaultWouldRefuse(host, ip));
  } catch (error) {
    const forbidden = forbiddenIn(error);
    const why = forbidden
      ? diagnose.addressForbidden(call.url, forbidden.address, allowed)
      : diagnose.callFailure(error, timeoutMs, call.url);
    failure = new CallFailed(forbidden ? ADDRESS_FORBIDDEN : describe(error), why);
    diagnosis.push(why);
  }
  const store = core.store;
  const exchangeId = store.batch.runStatement(() =>
    store.exchanges.record({
      direction: 'outbound',
      kind: call.kind,
      method: call.method,
      url: call.url,
      status: answer?.status ?? null,
      requestHeaders: Object.entries(headers) as HeaderList,
      requestBody: Buffer.from(call.body ?? ''),
      responseHeaders: Object.entries(answer?.headers ?? {}) as HeaderList,
      responseBody: answer?.body ?? Buffer.alloc(0),
      startedAt,
      durationMs: performance.now() - started,
      transferMs,
      error: failure?.message ?? null,
      diagnosis,
      hookId: call.links.hookId ?? null,
      commandId: call.links.commandId ?? null,
      postId: call.links.postId ?? null,
    }),
  );
  if (failure) throw failure;
  return { ...answer!, exchangeId };
}

function flatHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Reads up to the cap and drops the rest, as Go's io.LimitReader does. */
async function readCapped(body: Dispatcher.ResponseData['body']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size < RESPONSE_CAP_BYTES) chunks.push(buffer.subarray(0, RESPONSE_CAP_BYTES - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_CAP_BYTES);
}

function forbiddenIn(error: unknown): ForbiddenAddress | undefined {
  if (error instanceof ForbiddenAddress) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof ForbiddenAddress ? cause : undefined;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.message ?? e.message ?? String(error);
}
