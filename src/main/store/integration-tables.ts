import type Database from 'better-sqlite3';
import type { Command, IncomingWebhook, OutgoingWebhook } from '../../shared/mattermost/model';
import { DocTable } from './doc-table';

/** Incoming hooks, outgoing hooks and commands: kept per team, deleted softly. */
class IntegrationTable<T extends { id: string; team_id: string; delete_at: number }> extends DocTable<T> {
  /** The ones not deleted, of one team or of every team, oldest first. */
  active(teamId?: string): T[] {
    return teamId === undefined
      ? this.where('delete_at = 0 ORDER BY rowid')
      : this.where('team_id = ? AND delete_at = 0 ORDER BY rowid', teamId);
  }
}

/** Webhooks also belong to a channel, and archiving it deletes them. */
class WebhookTable<T extends { id: string; team_id: string; channel_id: string; delete_at: number }> extends IntegrationTable<T> {
  deleteInChannel(channelId: string, now: number): void {
    this.forget();
    this.db
      .prepare(`UPDATE ${this.table} SET delete_at = ?, doc = json_set(doc, '$.delete_at', ?) WHERE channel_id = ? AND delete_at = 0`)
      .run(now, now, channelId);
  }
}

export class IncomingHookTable extends WebhookTable<IncomingWebhook> {
  constructor(db: Database.Database) {
    super(db, 'incoming_hooks', ['channel_id', 'team_id', 'delete_at'], { cached: true });
  }
}

export class OutgoingHookTable extends WebhookTable<OutgoingWebhook> {
  constructor(db: Database.Database) {
    super(db, 'outgoing_hooks', ['team_id', 'channel_id', 'delete_at']);
  }
}

export class CommandTable extends IntegrationTable<Command> {
  constructor(db: Database.Database) {
    super(db, 'commands', ['team_id', 'trigger', 'delete_at']);
  }
  /** The team's live command with this trigger, if any. */
  byTrigger(teamId: string, trigger: string): Command | undefined {
    return this.first('team_id = ? AND trigger = ? AND delete_at = 0', teamId, trigger);
  }
  /** Every live command of the team with this trigger (more than one only in a store made by hand). */
  withTrigger(teamId: string, trigger: string): Command[] {
    return this.where('team_id = ? AND trigger = ? AND delete_at = 0', teamId, trigger);
  }
}
