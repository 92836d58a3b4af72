/** Triggers of Mattermost's built-in slash commands: custom commands may not take them (server/channels/app/slashcommands/). */
export const BUILTIN_TRIGGERS = new Set(
  'away code collapse dnd echo expand groupmsg header help invite invite_people join kick leave logout marketplace me msg mute offline online open purpose remove rename search secure-connection settings share-channel shortcuts shrug status'.split(
    ' ',
  ),
);
