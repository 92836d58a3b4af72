// Slack markup that Mattermost rewrites (server.md §4.1). Pure string work, shared so that the
// composer's preview shows what the server will store.

/** Variant A (incoming text, outgoing replies): no newline, no `|` in the label. */
const LINK_A = /<([^\n<|>]+)\|([^|\n>]+)>/g;
/** Variant B (command text, attachment texts, ephemeral_text): both allowed. */
const LINK_B = /<([^<|]+)\|([^>]+)>/g;

export type LinkVariant = 'A' | 'B';

export function convertSlackLinks(text: string, variant: LinkVariant): string {
  return text.replace(variant === 'A' ? LINK_A : LINK_B, '[$2]($1)');
}

/** `<!channel>`, `<!here>`, `<!all>` and `<@USERID>` of a known user become Mattermost mentions. */
export function expandSlackMentions(text: string, usernameOf: (userId: string) => string | undefined): string {
  return text.replace(/<!(channel|here|all)>/g, '@$1').replace(/<@([^>|\s]+)>/g, (whole, id: string) => {
    const name = usernameOf(id);
    return name === undefined ? whole : `@${name}`;
  });
}
