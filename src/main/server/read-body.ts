import type { IncomingMessage } from 'node:http';

export interface RequestBody {
  /** The bytes read, at most the limit. */
  data: Buffer;
  /** How many bytes the client sent (or had sent when reading stopped). */
  size: number;
  overLimit: boolean;
  /** The client sent far more than the limit and the connection must be closed. */
  abandoned: boolean;
  /** From the first byte read to the last, in ms (0 for an empty body, or one already buffered). */
  transferMs: number;
}

/** Past this many bytes beyond the limit we stop draining and close the connection. */
const DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. Bytes past the limit are drained and counted (so the
 * client gets an answer rather than a reset) up to a bound, then the connection is given up.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    let done = false;
    let firstByteAt: number | undefined;
    const finish = (abandoned: boolean) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      const transferMs = firstByteAt === undefined ? 0 : performance.now() - firstByteAt;
      resolve({ data: Buffer.concat(chunks, kept), size, overLimit: size > limit, abandoned, transferMs });
    };
    const onData = (chunk: Buffer) => {
      firstByteAt ??= performance.now();
      size += chunk.length;
      if (kept < limit) {
        const take = Math.min(chunk.length, limit - kept);
        chunks.push(take === chunk.length ? chunk : chunk.subarray(0, take));
        kept += take;
      }
      if (size > limit + DRAIN_BYTES) {
        req.pause();
        finish(true);
      }
    };
    req.on('data', onData);
    req.on('end', () => finish(false));
    req.on('error', () => finish(true));
    req.on('close', () => finish(!req.complete));
  });
}
