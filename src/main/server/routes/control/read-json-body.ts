import { AppError, bodyTooLarge } from '../../../workspace/app-error';
import type { RequestContext } from '../../http-types';

/** The control API's JSON body: an object, or nothing at all. */
export async function readJsonBody(ctx: RequestContext): Promise<Record<string, unknown> | undefined> {
  const body = await ctx.body();
  if (body.overLimit) throw bodyTooLarge();
  const text = body.data.toString('utf8').trim();
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError(400, 'mockmost.control.json.app_error', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError(400, 'mockmost.control.json.app_error', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
