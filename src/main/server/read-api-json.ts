import { AppError, bodyTooLarge, invalidBodyParam, invalidParam } from '../workspace/app-error';
import type { RequestContext } from './http-types';

/**
 * A REST body decoded as a JSON object, as Mattermost's API handlers do: a body that is not an
 * object answers 400 "Invalid or missing {name} in request body.".
 */
export async function readApiJson(ctx: RequestContext, name: string): Promise<Record<string, unknown>> {
  const value = await readApiJsonValue(ctx, name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidBodyParam(name);
  return value as Record<string, unknown>;
}

/** Any JSON body (arrays of ids, for instance); 400 for what does not parse. */
export async function readApiJsonValue(ctx: RequestContext, name: string): Promise<unknown> {
  const body = await ctx.body();
  if (body.overLimit) throw bodyTooLarge();
  try {
    return JSON.parse(body.data.toString('utf8'));
  } catch (error) {
    throw invalidBodyParam(name, (error as Error).message);
  }
}

/**
 * A JSON object body where Mattermost's handler answers a bad one with c.SetInvalidParam(name)
 * ("Invalid {name} parameter.") rather than the body error; an oversized body stays 413.
 */
export async function readApiJsonAsParam(ctx: RequestContext, name: string): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await readApiJsonValue(ctx, name);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 413) throw error;
    throw invalidParam(name);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParam(name);
  return value as Record<string, unknown>;
}

export const optionalString = (value: unknown): string => (typeof value === 'string' ? value : '');
