// Slack markup that Mattermost rewrites (server/public/model/slack_compatibility.go: ParseSlackLinksToMarkdown; server/channels/app/slack.go: ProcessSlackText). Pure string work, shared so that the
// composer's preview shows what the server will store.
//
// Mattermost matches these with Go's linear-time regular expressions. The same patterns in
// JavaScript backtrack: `<@` or `<x|` repeated with no closing `>` rescans the rest of the text
// from every start, quadratic on a long message. So the two patterns that can do that are
// scanned by hand below; each match is the one the regular expression would find.

/** Variant A (incoming text, outgoing replies): no newline, no `|` in the label. Linear as is. */
const LINK_A = /<([^\n<|>]+)\|([^|\n>]+)>/g;

export type LinkVariant = 'A' | 'B';

/** End of the run of characters from `from` that `allowed` accepts. */
function runEnd(text: string, from: number, allowed: (c: string) => boolean): number {
  let i = from;
  while (i < text.length && allowed(text[i]!)) i++;
  return i;
}

/** Variant B (command text, attachment texts, ephemeral_text): `<([^<|]+)\|([^>]+)>`, both newline and `|` allowed in the label. */
function convertLinksB(text: string): string {
  let out = '';
  let copied = 0;
  for (let open = text.indexOf('<'); open !== -1;) {
    const bar = runEnd(text, open + 1, (c) => c !== '<' && c !== '|');
    if (bar === open + 1 || text[bar] !== '|') {
      // Every `<` up to where the URL part stopped fails the same way.
      open = text.indexOf('<', Math.max(bar, open + 1));
      continue;
    }
    const close = text.indexOf('>', bar + 1);
    if (close === -1) break; // no `>` left: nothing after this can match either
    if (close === bar + 1) {
      open = text.indexOf('<', open + 1);
      continue;
    }
    out += `${text.slice(copied, open)}[${text.slice(bar + 1, close)}](${text.slice(open + 1, bar)})`;
    copied = close + 1;
    open = text.indexOf('<', copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export function convertSlackLinks(text: string, variant: LinkVariant): string {
  return variant === 'A' ? text.replace(LINK_A, '[$2]($1)') : convertLinksB(text);
}

const isMentionIdChar = (c: string) => c !== '>' && c !== '|' && !/\s/.test(c);

/** `<!channel>`, `<!here>`, `<!all>` and `<@USERID>` (`<@([^>|\s]+)>`) of a known user become Mattermost mentions. */
export function expandSlackMentions(text: string, usernameOf: (userId: string) => string | undefined): string {
  const specials = text.replace(/<!(channel|here|all)>/g, '@$1');
  let out = '';
  let copied = 0;
  for (let at = specials.indexOf('<@'); at !== -1;) {
    const end = runEnd(specials, at + 2, isMentionIdChar);
    if (end > at + 2 && specials[end] === '>') {
      const name = usernameOf(specials.slice(at + 2, end));
      if (name !== undefined) {
        out += `${specials.slice(copied, at)}@${name}`;
        copied = end + 1;
      }
      at = specials.indexOf('<@', end + 1);
    } else {
      // A `<@` inside this run would stop at the same place and fail too.
      at = specials.indexOf('<@', Math.max(end, at + 1));
    }
  }
  return copied === 0 ? specials : out + specials.slice(copied);
}
