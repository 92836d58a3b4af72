import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { AppError } from '../workspace/app-error';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/**
 * The Host values that name this server. Loopback listeners answer to any loopback spelling;
 * a wildcard listener accepts IP literals (a DNS-rebinding page arrives with a domain name).
 */
export function isOwnHost(hostHeader: string | undefined, listenHost: string, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match || Number(match[2] ?? 80) !== port) return false;
  const name = match[1]!;
  const bare = name.replace(/^\[|\]$/g, '');
  if (isWildcard(listenHost)) return isIP(bare) !== 0 || name === 'localhost';
  const loopbackListener = LOOPBACK_NAMES.includes(listenHost) || listenHost === '::1' || listenHost.startsWith('127.');
  if (loopbackListener && (LOOPBACK_NAMES.includes(name) || bare.startsWith('127.'))) return true;
  return bare === listenHost.toLowerCase();
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The control API's door: a Host naming this server (against DNS rebinding), no foreign Origin
 * (against cross-site requests from a browser), and the control token.
 */
export function checkControlRequest(
  req: IncomingMessage,
  listenHost: string,
  port: number,
  token: string,
  { tokenRequired = true } = {},
): void {
  const host = req.headers.host;
  if (!isOwnHost(host, listenHost, port)) {
    throw new AppError(403, 'mockmost.control.host.app_error', `Host ${JSON.stringify(host ?? '')} is not this Mockmost's address.`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    throw new AppError(403, 'mockmost.control.origin.app_error', `Requests from origin ${origin} are not allowed.`);
  }
  if (tokenRequired && !tokenMatches(req.headers.authorization, token)) {
    throw new AppError(
      401,
      'mockmost.control.token.app_error',
      'The control API needs "Authorization: Bearer <control token>"; serve prints the token when it starts.',
    );
  }
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const bare = address.replace(/^::ffff:/, '');
  return bare === '::1' || bare.startsWith('127.');
}
