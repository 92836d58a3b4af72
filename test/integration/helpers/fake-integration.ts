import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IntegrationResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delay_ms?: number;
}

export interface ReceivedCall {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The vectors' fake integration (the case's `integration_response`): records every call and answers as told. */
export class FakeIntegration {
  readonly calls: ReceivedCall[] = [];
  response: IntegrationResponse = {};
  private server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake');
        const query: Record<string, string | string[]> = {};
        for (const key of new Set(url.searchParams.keys())) {
          const all = url.searchParams.getAll(key);
          query[key] = all.length === 1 ? all[0]! : all;
        }
        this.calls.push({
          method: req.method ?? '',
          path: url.pathname,
          query,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const { status = 200, headers, body, delay_ms = 0 } = this.response;
        const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
        const contentType = body === undefined ? undefined : typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
        setTimeout(() => {
          res.writeHead(status, { ...(contentType ? { 'Content-Type': contentType } : {}), ...headers });
          res.end(text);
        }, delay_ms);
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.calls.length = 0;
    this.response = {};
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
