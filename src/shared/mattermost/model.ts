// Mattermost's wire shapes, as the server sends them. Where @mattermost/types describes the
// server's JSON faithfully we use it; its client-side types carry fields the server never
// sends (UserProfile.password), so users and sessions are declared here.
import type { Channel } from '@mattermost/types/channels';
import type { Post, PostList } from '@mattermost/types/posts';
import type { Team } from '@mattermost/types/teams';

export type { Channel, Post, PostList, Team };

/** An incoming webhook as the API answers it (server/public/model/incoming_webhook.go: IncomingWebhook). */
export interface IncomingWebhook {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  user_id: string;
  channel_id: string;
  team_id: string;
  display_name: string;
  description: string;
  username: string;
  icon_url: string;
  channel_locked: boolean;
}

export interface User {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  username: string;
  auth_data: string;
  auth_service: string;
  email: string;
  email_verified: boolean;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  roles: string;
  is_bot?: boolean;
  bot_description?: string;
  props?: Record<string, string>;
  notify_props: Record<string, string>;
  last_password_update: number;
  locale: string;
  timezone: Record<string, string>;
  disable_welcome_email: boolean;
}

export interface Session {
  id: string;
  token: string;
  create_at: number;
  expires_at: number;
  last_activity_at: number;
  user_id: string;
  device_id: string;
  roles: string;
  is_oauth: boolean;
  props: Record<string, string>;
}

export interface MemberRow {
  user_id: string;
  roles: string;
  /** Channel members only: when they last viewed the channel. */
  last_viewed_at?: number;
}

/** A bot as the API answers it; `user_id` is also its id in the bots table. */
export interface Bot {
  user_id: string;
  username: string;
  display_name: string;
  description: string;
  owner_id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** A personal access token; `token` is shown once, at creation. */
export interface UserAccessToken {
  id: string;
  token?: string;
  user_id: string;
  description: string;
  is_active: boolean;
}

export interface TeamMember {
  team_id: string;
  user_id: string;
  roles: string;
  delete_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
  explicit_roles: string;
}

export interface ChannelMember {
  channel_id: string;
  user_id: string;
  roles: string;
  last_viewed_at: number;
  msg_count: number;
  mention_count: number;
  notify_props: Record<string, string>;
  last_update_at: number;
  scheme_guest: boolean;
  scheme_user: boolean;
  scheme_admin: boolean;
  explicit_roles: string;
}

export interface OutgoingWebhook {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  channel_id: string;
  team_id: string;
  trigger_words: string[];
  trigger_when: number;
  callback_urls: string[];
  display_name: string;
  description: string;
  content_type: string;
  username: string;
  icon_url: string;
}

export interface Command {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  team_id: string;
  trigger: string;
  method: string;
  username: string;
  icon_url: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  url: string;
  plugin_id: string;
}

/** An uploaded file as the API answers it (server/public/model/file_info.go: FileInfo). */
export interface FileInfo {
  id: string;
  user_id: string;
  /** Absent until the file is attached to a post (omitempty). */
  post_id?: string;
  channel_id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  name: string;
  extension: string;
  size: number;
  mime_type: string;
  width?: number;
  height?: number;
  has_preview_image?: boolean;
  /** A 16×16 JPEG, base64 (Go's []byte), or null. */
  mini_preview: string | null;
  remote_id: string;
  archived: boolean;
}
