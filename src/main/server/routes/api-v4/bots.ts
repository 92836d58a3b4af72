import { diagnose } from '../../../diagnostics/catalog';
import type { Bot } from '../../../../shared/mattermost/model';
import { directChannel } from '../../../workspace/channels';
import { isSystemAdmin } from '../../../workspace/permissions';
import { createPost } from '../../../workspace/posts';
import { createUser } from '../../../workspace/users';
import { AppError, invalidBodyParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';

/** What a new bot says to its owner (Mattermost's api.bot.teams_channels.add_message_mobile). */
const WELCOME = 'Please add me to teams and channels you want me to interact in. To do this, use the browser or Mattermost Desktop App.';

export const createBot: RouteDef = {
  method: 'POST',
  path: '/api/v4/bots',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'bot');
    if (!isSystemAdmin(caller.user) || caller.user.is_bot) throw noPermission();
    if (ctx.core.config().ServiceSettings?.EnableBotAccountCreation !== true) {
      ctx.capture.diagnosis.push(diagnose.botsDisabled());
      throw new AppError(403, 'api.bot.create_disabled', 'Bot creation has been disabled.');
    }
    const displayName = optionalString(body.display_name);
    const description = optionalString(body.description);
    if (displayName.length > 64) throw invalidBodyParam('display_name');
    if (description.length > 1024) throw invalidBodyParam('description');
    const store = ctx.core.store;
    const bot = store.batch.run(() => {
      const user = createUser(store, {
        username: optionalString(body.username).toLowerCase(),
        is_bot: true,
        bot_description: description,
        first_name: displayName,
      });
      const now = user.create_at;
      const created: Bot = {
        user_id: user.id,
        username: user.username,
        display_name: displayName,
        description,
        owner_id: caller.user.id,
        create_at: now,
        update_at: now,
        delete_at: 0,
      };
      store.bots.put({ id: user.id, ...created });
      const dm = directChannel(store, user.id, caller.user.id);
      createPost(ctx.core, { channel_id: dm.id, user_id: user.id, message: WELCOME, props: { from_bot: 'true' } });
      return created;
    });
    return json(201, bot);
  },
};

export const listBots: RouteDef = {
  method: 'GET',
  path: '/api/v4/bots',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const bots = isSystemAdmin(caller.user) ? store.bots.all() : store.bots.ownedBy(caller.user.id);
    return json(
      200,
      bots.map(({ id: _id, ...bot }) => bot),
    );
  },
};
