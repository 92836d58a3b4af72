import type Database from 'better-sqlite3';

/** A user's status as the API answers it (server/public/model/status.go: Status). */
export interface Status {
  user_id: string;
  status: 'online' | 'away' | 'dnd' | 'offline';
  manual: boolean;
  last_activity_at: number;
  dnd_end_time: number;
}

interface Row {
  user_id: string;
  status: Status['status'];
  manual: number;
  last_activity_at: number;
  dnd_end_time: number;
}

export class StatusTable {
  private readonly byId: Database.Statement;
  private readonly upsert: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT user_id, status, manual, last_activity_at, dnd_end_time FROM statuses WHERE user_id = ?');
    this.upsert = db.prepare(`INSERT INTO statuses (user_id, status, manual, last_activity_at, dnd_end_time)
      VALUES (@user_id, @status, @manual, @last_activity_at, @dnd_end_time)
      ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, manual = excluded.manual,
        last_activity_at = excluded.last_activity_at, dnd_end_time = excluded.dnd_end_time`);
  }

  /** The user's status; offline when none was ever set, as Mattermost's GetUserStatusesByIds answers. */
  get(userId: string): Status {
    const row = this.byId.get(userId) as Row | undefined;
    if (!row) return { user_id: userId, status: 'offline', manual: false, last_activity_at: 0, dnd_end_time: 0 };
    return { ...row, manual: row.manual === 1 };
  }

  put(status: Status): void {
    this.upsert.run({ ...status, manual: status.manual ? 1 : 0 });
  }
}
