/** A seed file (`--seed FILE`): the whole workspace a fresh data dir starts with. */
export interface SeedFile {
  teams: { name: string; display_name: string; type?: 'O' | 'I' }[];
  users: { username: string; password: string; email?: string; roles?: string; teams?: string[] }[];
  channels: { team: string; name: string; display_name: string; type?: 'O' | 'P'; members?: string[] }[];
  config?: Record<string, Record<string, unknown>>;
  incoming_hooks?: {
    key: string;
    id?: string;
    team: string;
    channel: string;
    creator: string;
    display_name?: string;
    description?: string;
    username?: string;
    icon_url?: string;
    channel_locked?: boolean;
  }[];
  /** Slash commands, with a fixed `token` when the integration checks one it already knows. */
  commands?: {
    key: string;
    id?: string;
    token?: string;
    team: string;
    creator: string;
    trigger: string;
    url: string;
    /** `P` (POST, the default) or `G` (GET). */
    method?: 'P' | 'G';
    display_name?: string;
    description?: string;
    username?: string;
    icon_url?: string;
    auto_complete?: boolean;
    auto_complete_desc?: string;
    auto_complete_hint?: string;
  }[];
  outgoing_hooks?: {
    key: string;
    id?: string;
    token?: string;
    team: string;
    /** A public channel; without one the hook listens to the whole team and needs trigger words. */
    channel?: string;
    creator: string;
    trigger_words?: string[];
    /** 0: the first word is a trigger word (the default); 1: the message starts with one. */
    trigger_when?: 0 | 1;
    callback_urls: string[];
    content_type?: string;
    display_name?: string;
    description?: string;
    username?: string;
    icon_url?: string;
  }[];
}
