import { AppError } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';

// Query and path parameters of the control API, each refused with a 400 that names it.

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export const badParam = (name: string, rule: string) => new AppError(400, 'mockmost.control.param.app_error', `${name} ${rule}.`);

/** `?limit=N`: 1 to 1000, default 50. */
export function limitParam(ctx: RequestContext): number {
  const raw = ctx.url.searchParams.get('limit');
  const limit = raw === null ? DEFAULT_LIMIT : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError(400, 'mockmost.control.limit.app_error', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  return limit;
}

/** A whole number (an exchange id, a time in ms), or undefined when absent or empty. */
function wholeNumber(value: string | null, name: string, rule: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) throw badParam(name, rule);
  return Number(value);
}

export const idParam = (value: string | null, name: string) => wholeNumber(value, name, 'must be an exchange id');

export const timeParam = (value: string | null, name: string) => wholeNumber(value, name, 'must be a time in milliseconds since 1970');
