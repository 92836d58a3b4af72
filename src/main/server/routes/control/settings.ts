import type { MockmostSettings } from '../../../../shared/contract/control-api';
import type { Core } from '../../../core/core';
import { SeedError, validateSeed } from '../../../workspace/seed-schema';
import { formatKeepRule, parseKeepRule } from '../../../store/retention';
import { AppError } from '../../../workspace/app-error';
import { badParam } from './params';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

function settingsOf(core: Core): MockmostSettings {
  const { rule, source } = core.keepRule();
  const seed = core.seed();
  return {
    url: core.url,
    data_dir: core.options.dataDir,
    database_bytes: core.store.usedBytes(),
    exchanges: core.store.exchanges.count(),
    keep: rule ? formatKeepRule(rule) : null,
    keep_source: source,
    seed_source: seed.source,
    ...(seed.file ? { seed_file: seed.file } : {}),
  };
}

/** Mockmost's settings and the data dir's state: where it listens and stores, how big, what it keeps. */
export const getSettings: ControlHandler<'GET /settings'> = (ctx) => settingsOf(ctx.core);

/** Changes settings (`{"keep": "7d"}`, `null` keeps everything); stored in the data dir and applied at once. */
export const patchSettings: ControlHandler<'PATCH /settings'> = async (ctx) => {
  const body = (await readJsonBody(ctx)) ?? {};
  const unknown = Object.keys(body).filter((key) => key !== 'keep');
  if (unknown.length > 0) throw badParam(unknown.join(', '), 'is not a setting (settings: keep)');
  if ('keep' in body) {
    const rule = typeof body.keep === 'string' ? parseKeepRule(body.keep) : undefined;
    if (body.keep !== null && rule === undefined) {
      throw badParam('keep', 'takes a number of exchanges (5000), an age (7d, 12h, 30m, 90s), a size (500MB, 2GB) or null');
    }
    ctx.core.setKeepRule(rule);
    await ctx.core.store.batch.durable();
  }
  return settingsOf(ctx.core);
};

/** The seed resets use, and where it comes from. */
export const getSeed: ControlHandler<'GET /workspace/seed'> = (ctx) => ctx.core.seed();

/**
 * Replaces the seed (`{"seed": {...}}`, the shape of a `--seed` file; `null` goes back to the
 * built-in one), stores it for later resets and restarts, and resets the workspace with it.
 */
export const putSeed: ControlHandler<'PUT /workspace/seed'> = async (ctx) => {
  const body = await readJsonBody(ctx);
  if (!body || !('seed' in body)) throw badParam('seed', 'is required: a seed document, or null for the built-in seed');
  let seed;
  try {
    seed = body.seed === null ? undefined : validateSeed(body.seed);
  } catch (error) {
    if (error instanceof SeedError) throw new AppError(400, 'mockmost.control.seed.app_error', `The seed is invalid: ${error.message}`);
    throw error;
  }
  const summary = await ctx.core.replaceSeed(seed, { exchanges: body.exchanges === true });
  await ctx.core.store.batch.durable();
  return summary;
};
