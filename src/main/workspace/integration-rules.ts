import { utf8ByteLength } from '../../shared/mattermost/utf8';

// Rules Mattermost applies to integrations' fields, shared by the REST routes and seed files.

/** An absolute http(s) URL with a host, as Mattermost's IsValidHTTPURL wants callback and command URLs. */
export const isHttpUrl = (url: string) => /^https?:\/\/[^/\s]+/i.test(url);

/** A slash command's trigger (Command.IsValid): 1–128 bytes of letters, digits and `_./-`, no leading slash. */
export const isValidTrigger = (trigger: string) =>
  utf8ByteLength(trigger) >= 1 && utf8ByteLength(trigger) <= 128 && !trigger.startsWith('/') && /^[A-Za-z0-9_./-]+$/.test(trigger);
