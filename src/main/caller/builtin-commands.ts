import type { Core } from '../core/core';
import { isTeamMember } from '../workspace/permissions';
import { createPost } from '../workspace/posts';
import type { CommandResponse } from './command-response';
import { fireOutgoingWebhooks } from './outgoing-webhooks';
import type { Invocation } from './slash-commands';

type Builtin = (text: string, core: Core, inv: Invocation) => Partial<CommandResponse>;

/** Mattermost's default SupportSettings.HelpLink. */
const DEFAULT_HELP_LINK = 'https://mattermost.com/pl/help/';
const MAX_ECHO_DELAY_S = 10000;
const MAX_PENDING_ECHOES = 100;
let pendingEchoes = 0;

const ephemeral = (text: string): Partial<CommandResponse> => ({ response_type: 'ephemeral', text });

/** `/echo text [delay]` or `/echo "text" [delay]`: posts the text as the user, after the delay. */
function echo(text: string, core: Core, inv: Invocation): Partial<CommandResponse> {
  if (text === '') return ephemeral('A message must be provided with the /echo command.');
  let message = text;
  let delay = 0;
  const lastQuote = text.lastIndexOf('"');
  const whole = (value: string) => (/^[+-]?\d+$/.test(value) ? Number(value) : undefined);
  if (text.startsWith('"') && lastQuote > 1) {
    delay = whole(text.slice(lastQuote).replace(/^[ "]+|[ "]+$/g, '')) ?? 0;
    message = text.slice(1, lastQuote);
  } else if (text.includes(' ')) {
    const at = text.lastIndexOf(' ');
    const parsed = whole(text.slice(at).trim());
    if (parsed !== undefined) [delay, message] = [parsed, text.slice(0, at)];
  }
  if (delay > MAX_ECHO_DELAY_S) return ephemeral('Delays must be under 10000 seconds.');
  if (pendingEchoes >= MAX_PENDING_ECHOES) return ephemeral('High volume, cannot process request');
  pendingEchoes++;
  const post = () => {
    pendingEchoes--;
    const channel = core.store.channels.get(inv.channel.id);
    if (!channel) return;
    const created = core.store.batch.run(() =>
      createPost(core, { channel_id: channel.id, user_id: inv.user.id, root_id: inv.rootId, message }),
    );
    core.store.batch.afterCommit(() => void fireOutgoingWebhooks(core, created, channel));
  };
  // Mattermost posts from a goroutine: the command answers first, the echo follows.
  setTimeout(post, Math.max(0, delay) * 1000).unref();
  return {};
}

/** `/join ~channel`: joins a public channel (or one the user already belongs to) and goes there. */
function join(text: string, core: Core, inv: Invocation): Partial<CommandResponse> {
  const store = core.store;
  // As in Mattermost, only a name without "~" is lowercased.
  const name = text.startsWith('~') ? text.slice(1) : text.toLowerCase();
  const channel = store.channels.activeByName(inv.channel.team_id, name);
  if (!channel) return ephemeral("We couldn't find the channel.");
  const member = store.channelMember(channel.id, inv.user.id);
  const allowed = channel.type === 'O' ? isTeamMember(store, channel.team_id, inv.user.id) : channel.type === 'P' && member !== undefined;
  if (!allowed) return ephemeral('An error occurred while joining the channel.');
  if (!member) store.batch.run(() => store.addChannelMember(channel.id, inv.user.id, 'channel_user'));
  const team = store.teams.get(channel.team_id);
  const siteUrl = String(core.config().ServiceSettings?.SiteURL ?? '');
  return { goto_location: `${siteUrl}/${team?.name ?? ''}/channels/${channel.name}` };
}

/** The built-ins Mockmost answers as Mattermost does; other built-in triggers answer "not found". */
export const BUILTIN_COMMANDS: Record<string, Builtin> = {
  me: (text) => ({ response_type: 'in_channel', type: 'me', text: `*${text}*` }),
  shrug: (text) => ({ response_type: 'in_channel', text: text === '' ? '¯\\\\\\_(ツ)\\_/¯' : `${text} ¯\\\\\\_(ツ)\\_/¯` }),
  code: (text) => ({
    response_type: 'in_channel',
    skip_slack_parsing: true,
    text:
      text === ''
        ? ''
        : text
            .split('\n')
            .map((line) => `    ${line}`)
            .join('\n'),
  }),
  echo,
  join,
  help: (_text, core) => ({ goto_location: String(core.config().SupportSettings?.HelpLink || DEFAULT_HELP_LINK) }),
};
