import type { CommandResponse } from '../caller/command-response';

/** Triggers of Mattermost's built-in slash commands: custom commands may not take them (server.md §6.1). */
export const BUILTIN_TRIGGERS = new Set(
  'away code collapse dnd echo expand groupmsg header help invite invite_people join kick leave logout marketplace me msg mute offline online open purpose remove rename search secure-connection settings share-channel shortcuts shrug status'.split(
    ' ',
  ),
);

type Builtin = (text: string) => Partial<CommandResponse>;

/** The built-ins Mockmost answers as Mattermost does; the others answer "not found" until built. */
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
};
