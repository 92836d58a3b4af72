import { parseFirstJson } from '../../../../shared/mattermost/go-json';
import { AppError, bodyTooLarge, invalidParam, invalidUrlParam } from '../../../workspace/app-error';
import {
  createCustomEmoji,
  deleteCustomEmoji,
  emojiByName,
  MAX_EMOJI_FILE_SIZE,
  publicEmoji,
  requireCustomEmojiEnabled,
  requireEmoji,
} from '../../../workspace/custom-emoji';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json, type RequestContext } from '../../http-types';
import { readApiJsonAsParam } from '../../read-api-json';
import { readMultipart } from '../../read-multipart';

const tooLarge = () =>
  new AppError(413, 'api.emoji.create.too_large.app_error', 'Unable to create emoji. Image must be less than 512 KiB in size.');

/** POST /api/v4/emoji: a multipart form with `emoji` (JSON: name, creator_id) and `image` (api4/emoji.go: createEmoji). */
export const createEmojiRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/emoji',
  // Room for the form around the largest image, so that one just over the limit gets Mattermost's 413.
  bodyLimit: () => MAX_EMOJI_FILE_SIZE + 64 * 1024,
  async handle(ctx) {
    const caller = requireSession(ctx);
    requireCustomEmojiEnabled(ctx.core);
    if (Number(ctx.req.headers['content-length'] ?? 0) > MAX_EMOJI_FILE_SIZE) throw tooLarge();
    const body = await ctx.body();
    if (body.overLimit) throw tooLarge();
    const form = await readMultipart(String(ctx.req.headers['content-type'] ?? ''), body.data);
    if (form.error !== undefined) {
      throw new AppError(400, 'api.emoji.create.parse.app_error', 'Unable to create emoji. Could not understand request.', form.error);
    }
    const emoji = form.parts.find((part) => part.filename === undefined && part.name === 'emoji')?.data.toString();
    const image = form.parts.find((part) => part.filename !== undefined && part.name === 'image')?.data;
    return json(200, await createCustomEmoji(ctx.core, caller.user, emoji, image));
  },
};

export const listEmojiRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/emoji',
  handle(ctx) {
    requireSession(ctx);
    requireCustomEmojiEnabled(ctx.core);
    const q = ctx.url.searchParams;
    const sort = q.get('sort') ?? '';
    if (sort !== '' && sort !== 'name') throw invalidUrlParam('sort');
    const page = Number(q.get('page') ?? 0);
    const perPage = Math.min(Number(q.get('per_page') ?? 60), 200);
    if (!Number.isInteger(page) || page < 0) throw invalidUrlParam('page');
    if (!Number.isInteger(perPage) || perPage < 0) throw invalidUrlParam('per_page');
    return json(200, ctx.core.store.emoji.list(perPage, page * perPage, sort === 'name'));
  },
};

export const getEmojiByNameRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/emoji/name/:emojiName~',
  handle(ctx) {
    requireSession(ctx);
    const name = ctx.params.emojiName!;
    if (name === '' || name.length > 64 || !/^[a-zA-Z0-9+_-]+$/.test(name)) throw invalidUrlParam('emoji_name');
    return json(200, publicEmoji(emojiByName(ctx.core, name)));
  },
};

export const getEmojiRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/emoji/:emojiId',
  handle(ctx) {
    requireSession(ctx);
    const emoji = requireEmoji(ctx.core, ctx.params.emojiId!);
    requireCustomEmojiEnabled(ctx.core);
    return json(200, publicEmoji(emoji));
  },
};

export const getEmojiImageRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/emoji/:emojiId/image',
  async handle(ctx) {
    requireSession(ctx);
    const emoji = requireEmoji(ctx.core, ctx.params.emojiId!);
    requireCustomEmojiEnabled(ctx.core);
    const bytes = await ctx.core.store.blobs.read(emoji.image_hash).catch(() => {
      throw new AppError(404, 'api.emoji.get_image.read.app_error', 'Unable to read image file for emoji.');
    });
    return {
      status: 200,
      headers: { 'Content-Type': `image/${emoji.image_type}`, 'Cache-Control': 'max-age=2592000, private' },
      body: bytes,
    };
  },
};

export const deleteEmojiRoute: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/emoji/:emojiId',
  handle(ctx) {
    const caller = requireSession(ctx);
    deleteCustomEmoji(ctx.core, caller.user, ctx.params.emojiId!);
    return json(200, { status: 'OK' });
  },
};

/** api4/emoji.go: GetEmojisByNamesMax, EmojiMaxAutocompleteItems; web.PerPageMaximum for search. */
const NAMES_MAX = 200;
const AUTOCOMPLETE_MAX = 100;
const SEARCH_MAX = 200;

/** Search and autocomplete refuse with 403 when custom emoji are off (app/emoji.go: SearchEmoji). */
function requireSearchEnabled(ctx: RequestContext): void {
  if (ctx.core.config().ServiceSettings?.EnableCustomEmoji === false) {
    throw new AppError(403, 'api.emoji.disabled.app_error', 'Custom emoji have been disabled by the system admin.');
  }
}

/** model.SortedArrayFromJSON: a JSON array of strings (null is none), without duplicates, sorted. */
async function sortedNames(ctx: RequestContext): Promise<string[]> {
  const body = await ctx.body();
  if (body.overLimit) throw bodyTooLarge();
  let value: unknown;
  try {
    value = parseFirstJson(body.data.toString('utf8'));
  } catch {
    value = undefined;
  }
  if (value !== null && !(Array.isArray(value) && value.every((name) => typeof name === 'string'))) {
    throw new AppError(400, 'api.payload.parse.error', 'An error occurred while parsing the payload.');
  }
  return [...new Set(value ?? [])].sort();
}

/** POST /api/v4/emoji/names: the custom emoji with these names, those that exist (api4/emoji.go: getEmojisByNames). */
export const getEmojisByNamesRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/emoji/names',
  async handle(ctx) {
    requireSession(ctx);
    const names = await sortedNames(ctx);
    if (names.length === 0) throw invalidParam('names');
    requireCustomEmojiEnabled(ctx.core);
    if (names.length > NAMES_MAX) {
      throw new AppError(
        400,
        'api.emoji.get_multiple_by_name_too_many.request_error',
        `Unable to get that many emojis by name. Only ${NAMES_MAX} emojis can be requested at once.`,
      );
    }
    return json(200, ctx.core.store.emoji.withNames(names));
  },
};

/** POST /api/v4/emoji/search: `{term, prefix_only}`, names containing (or starting with) the term (api4/emoji.go: searchEmojis). */
export const searchEmojiRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/emoji/search',
  async handle(ctx) {
    requireSession(ctx);
    const body = await readApiJsonAsParam(ctx, 'term');
    const term = typeof body.term === 'string' ? body.term : '';
    // Go's decoder refuses a prefix_only that is not a bool, which the handler reports against the term.
    const prefixOnly = body.prefix_only ?? false;
    if (term === '' || typeof prefixOnly !== 'boolean') throw invalidParam('term');
    requireSearchEnabled(ctx);
    return json(200, ctx.core.store.emoji.search(term, prefixOnly, SEARCH_MAX));
  },
};

/** GET /api/v4/emoji/autocomplete?name=: names starting with it, at most 100 (api4/emoji.go: autocompleteEmojis). */
export const autocompleteEmojiRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/emoji/autocomplete',
  handle(ctx) {
    requireSession(ctx);
    const name = ctx.url.searchParams.get('name') ?? '';
    if (name === '') throw invalidUrlParam('name');
    requireSearchEnabled(ctx);
    return json(200, ctx.core.store.emoji.search(name, true, AUTOCOMPLETE_MAX));
  },
};
