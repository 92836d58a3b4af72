import type { IncomingMessage, ServerResponse } from 'node:http';
import { request } from 'undici';
import type { Diagnosis, HeaderList } from '../../../shared/contract/exchange';
import type { Core } from '../../core/core';
import { headerList } from '../handle-mattermost';
import { readBody } from '../read-body';
import { guessKind } from './guess-kind';
import { PROXY_NAME, proxyTargets } from './proxy-targets';

export const PROXY_PREFIX = '/_mockmost/proxy/';
const BODY_LIMIT = 10 * 1024 * 1024;
const TIMEOUT_MS = 60_000;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'host',
  'content-length',
]);

const forwardable = (headers: HeaderList) => headers.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));

function reply(res: ServerResponse, status: number, headers: HeaderList, body: Buffer): void {
  const out: Record<string, string[]> = {};
  for (const [name, value] of headers) (out[name] ??= []).push(value);
  res.writeHead(status, { ...out, 'Content-Length': body.length });
  res.end(body);
}

/**
 * The recording proxy: a real Mattermost's outgoing webhook, command or action URL points at
 * `/_mockmost/proxy/{name}/…`; the request goes on to the integration configured for `{name}`,
 * its answer comes back unchanged, and both sides are captured as an exchange ready to replay.
 */
export async function handleProxy(core: Core, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const [name = '', ...rest] = url.pathname.slice(PROXY_PREFIX.length).split('/');
  const base = PROXY_NAME.test(name) ? proxyTargets(core)[name] : undefined;
  if (!base) {
    const text = `Mockmost proxy: no proxy named ${JSON.stringify(name)}. Start serve with --proxy ${name || 'NAME'}=URL or PUT /_mockmost/api/proxies/${name || 'NAME'}.\n`;
    reply(res, 404, [['Content-Type', 'text/plain; charset=utf-8']], Buffer.from(text));
    return;
  }
  const target = `${base.replace(/\/+$/, '')}/${rest.join('/')}${url.search}`;
  if (target.startsWith(`${core.url}${PROXY_PREFIX}`)) {
    // A proxy pointed at Mockmost's own proxy would call itself until connections run out.
    reply(
      res,
      508,
      [['Content-Type', 'text/plain; charset=utf-8']],
      Buffer.from(`Mockmost proxy: ${name} points back at this proxy (${base}).\n`),
    );
    return;
  }
  const method = req.method ?? 'GET';
  const requestHeaders = forwardable(headerList(req));
  const body = await readBody(req, BODY_LIMIT);
  const startedAt = Date.now();
  const started = performance.now();
  const diagnosis: Diagnosis[] = [{ code: 'P01', message: `Recorded through the proxy "${name}" (${base}).` }];
  let status: number | null = null;
  let responseHeaders: HeaderList = [];
  let responseBody = Buffer.alloc(0);
  let error: string | null = null;
  let transferMs: number | null = null;
  if (body.overLimit) {
    error = `the request body is larger than ${BODY_LIMIT} bytes`;
  } else {
    try {
      const response = await request(target, {
        method: method as 'POST',
        headers: requestHeaders.flat(),
        body: method === 'GET' || method === 'HEAD' ? undefined : body.data,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.statusCode;
      responseHeaders = forwardable(
        Object.entries(response.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v ?? '']).map((x): [string, string] => [k, x])),
      );
      const headersAt = performance.now();
      responseBody = Buffer.from(await response.body.arrayBuffer());
      transferMs = performance.now() - headersAt;
    } catch (failure) {
      const e = failure as { message?: string; cause?: { message?: string } };
      error = e.cause?.message ?? e.message ?? String(failure);
    }
  }
  const contentType = requestHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const store = core.store;
  store.batch.runStatement(() =>
    store.exchanges.record({
      direction: 'outbound',
      kind: guessKind(contentType, body.data.toString('utf8')),
      method,
      url: target,
      status,
      requestHeaders,
      requestBody: body.data,
      requestBodySize: body.size,
      responseHeaders,
      responseBody,
      startedAt,
      durationMs: performance.now() - started,
      transferMs,
      error,
      diagnosis: error ? [...diagnosis, { code: 'P02', message: `The integration could not be reached: ${error}.` }] : diagnosis,
    }),
  );
  await store.batch.durable();
  if (status === null) {
    reply(res, 502, [['Content-Type', 'text/plain; charset=utf-8']], Buffer.from(`Mockmost proxy: ${target}: ${error}\n`));
    return;
  }
  reply(res, status, responseHeaders, responseBody);
}
