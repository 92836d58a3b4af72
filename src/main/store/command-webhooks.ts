import type Database from 'better-sqlite3';

/** A `response_url` handed to a slash command: who ran it where, and how often it was used. */
export interface CommandWebhook {
  id: string;
  command_id: string;
  user_id: string;
  channel_id: string;
  root_id: string;
  create_at: number;
  use_count: number;
}

export class CommandWebhookTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly used: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO command_webhooks (id, command_id, user_id, channel_id, root_id, create_at) VALUES (@id, @command_id, @user_id, @channel_id, @root_id, @create_at)',
    );
    this.byId = db.prepare('SELECT * FROM command_webhooks WHERE id = ?');
    this.used = db.prepare('UPDATE command_webhooks SET use_count = use_count + 1 WHERE id = ?');
  }

  add(hook: Omit<CommandWebhook, 'use_count'>): void {
    this.insert.run(hook);
  }

  get(id: string): CommandWebhook | undefined {
    return this.byId.get(id) as CommandWebhook | undefined;
  }

  countUse(id: string): void {
    this.used.run(id);
  }
}
