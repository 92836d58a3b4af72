import { EMOJI_PATH, emojiImage } from './emoji-images';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import { AppError } from '../workspace/app-error';
import { checkControlRequest, isLoopbackAddress } from './control-guard';
import { handleProxy, PROXY_PREFIX } from './proxy/recording-proxy';
import { send, toBuffer, withEnvelope } from './envelope';
import { handleMattermost } from './handle-mattermost';
import { createRequestContext, json, type Reply } from './http-types';
import { Router } from './router';
import { refusedByStore } from './store-refusal';
import { CONTROL_ROUTES, MATTERMOST_ROUTES } from './routes';
import { serveRenderer } from './static-files';
import { WebSocketHub } from './websocket/websocket-hub';

const CONTROL_PREFIX = '/_mockmost/api/';
const CONTROL_BODY_LIMIT = 10 * 1024 * 1024;

/** Mattermost's public file links (`/files/{id}/public`) sit beside its API, outside /api/v4. */
const PUBLIC_FILE_PATH = /^\/files\/[^/]+\/public$/;

const isMattermostPath = (path: string) =>
  path.startsWith('/api/v4/') || path === '/api/v4' || path.startsWith('/hooks/') || PUBLIC_FILE_PATH.test(path);

/** The single HTTP listener: Mattermost's surface and WebSocket, the control API and the web UI. */
export function createHttpServer(core: Core): { server: Server; websockets: WebSocketHub } {
  const mattermost = new Router(MATTERMOST_ROUTES);
  const control = new Router(CONTROL_ROUTES);
  const websockets = new WebSocketHub(core);

  const server = createServer((req, res) => {
    dispatch(core, mattermost, control, req, res, server).catch((error: unknown) => {
      core.options.log?.(`mockmost: request failed: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent)
        send(res, 'POST', withEnvelope('POST', undefined, json(500, { id: 'mockmost.internal.app_error', message: 'Internal error' })));
      else res.destroy();
    });
  });
  // Malformed HTTP never reaches a handler: answer 400 and close, as Go's server does.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.on('upgrade', (req, socket, head) => {
    if (!websockets.handleUpgrade(req, socket, head))
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  return { server, websockets };
}

async function dispatch(
  core: Core,
  mattermost: Router,
  control: Router,
  req: IncomingMessage,
  res: ServerResponse,
  server: Server,
): Promise<void> {
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  core.store.idle.touch();
  let url: URL;
  try {
    url = new URL(rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`, 'http://mockmost.invalid');
  } catch {
    send(
      res,
      method,
      withEnvelope(method, newId(), json(400, { id: 'mockmost.url.app_error', message: 'The request URL cannot be parsed.' })),
    );
    return;
  }
  const maxUrl = Number(core.config().ServiceSettings?.MaximumURLLength ?? 2048);
  if (rawUrl.length > maxUrl) {
    const error = new AppError(414, 'basic_security_check.url.too_long_error', 'URL is too long');
    send(res, method, withEnvelope(method, newId(), json(414, error.toBody(undefined, false))));
    return;
  }
  if (isMattermostPath(url.pathname)) return handleMattermost(core, mattermost, req, res, url);
  if (url.pathname.startsWith(CONTROL_PREFIX)) return handleControl(core, control, req, res, url, server);
  if (url.pathname.startsWith(PROXY_PREFIX)) return handleProxy(core, req, res, url);
  if (method !== 'GET' && method !== 'HEAD') {
    const error = new AppError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
    send(res, method, withEnvelope(method, undefined, json(404, error.toBody(undefined, false))));
    return;
  }
  const emoji = EMOJI_PATH.exec(url.pathname);
  if (emoji) {
    const reply = await emojiImage(emoji[1]!);
    send(res, method, { status: reply.status, headers: reply.headers ?? {}, body: toBuffer(reply.body) });
    return;
  }
  const port = (server.address() as AddressInfo).port;
  let ownPage = false;
  try {
    checkControlRequest(req, core.options.host, port, core.token, { tokenRequired: false });
    ownPage = isLoopbackAddress(req.socket.remoteAddress);
  } catch {
    ownPage = false;
  }
  const reply = await serveRenderer(core.options.rendererDir, url.pathname, ownPage ? core.token : undefined);
  send(res, method, { status: reply.status, headers: reply.headers ?? {}, body: toBuffer(reply.body) });
}

async function handleControl(
  core: Core,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  server: Server,
): Promise<void> {
  const ctx = createRequestContext(core, req, url, CONTROL_BODY_LIMIT, 'other');
  const { method, requestId } = ctx;
  let reply: Reply;
  try {
    checkControlRequest(req, core.options.host, (server.address() as AddressInfo).port, core.token);
    const found = router.match(method, url.pathname);
    if (found === 'method') throw new AppError(405, 'mockmost.control.method.app_error', `${method} is not allowed on ${url.pathname}.`);
    if (!found) throw new AppError(404, 'mockmost.control.route.app_error', `There is no control route ${url.pathname}; see the README.`);
    ctx.params = found.params;
    reply = await found.route.handle(ctx);
  } catch (error) {
    const failure = error instanceof AppError ? error : refusedByStore(core, error);
    if (!failure) throw error;
    reply = json(failure.statusCode, failure.toBody(requestId, true));
  }
  await ctx.body();
  send(res, method, withEnvelope(method, requestId, reply));
}
