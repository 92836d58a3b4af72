import type Database from 'better-sqlite3';
import type { FileInfo } from '../../shared/mattermost/model';

/** A file's row: what the API shows, plus where its bytes are. */
export interface StoredFile {
  info: FileInfo;
  contentHash: string;
  /** Null when Mattermost makes no thumbnail (not an image, an SVG, an image it cannot decode). */
  thumbnailHash: string | null;
  previewHash: string | null;
}

/** A row: the API's fields as SQLite keeps them (flags as 0/1, the mini preview as bytes), and the blobs' hashes. */
type Row = Omit<FileInfo, 'post_id' | 'width' | 'height' | 'has_preview_image' | 'mini_preview' | 'remote_id' | 'archived'> & {
  post_id: string;
  width: number;
  height: number;
  has_preview_image: number;
  mini_preview: Buffer | null;
  content_hash: string;
  thumbnail_hash: string | null;
  preview_hash: string | null;
};

const COLUMNS = `id, user_id, post_id, channel_id, create_at, update_at, delete_at, name, extension, size, mime_type,
  width, height, has_preview_image, mini_preview, content_hash, thumbnail_hash, preview_hash`;

/** The row as Mattermost's JSON has it: empty post_id, zero sizes and a false preview flag left out (omitempty). */
function toStored(row: Row): StoredFile {
  const info: FileInfo = {
    id: row.id,
    user_id: row.user_id,
    ...(row.post_id ? { post_id: row.post_id } : {}),
    channel_id: row.channel_id,
    create_at: row.create_at,
    update_at: row.update_at,
    delete_at: row.delete_at,
    name: row.name,
    extension: row.extension,
    size: row.size,
    mime_type: row.mime_type,
    ...(row.width ? { width: row.width } : {}),
    ...(row.height ? { height: row.height } : {}),
    ...(row.has_preview_image ? { has_preview_image: true } : {}),
    mini_preview: row.mini_preview ? row.mini_preview.toString('base64') : null,
    remote_id: '',
    archived: false,
  };
  return { info, contentHash: row.content_hash, thumbnailHash: row.thumbnail_hash, previewHash: row.preview_hash };
}

/** Uploaded files' rows (server/channels/store/sqlstore/file_info_store.go). */
export class FileInfoTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly forPostStatement: Database.Statement;
  private readonly attach: Database.Statement;
  private readonly deleteForPostStatement: Database.Statement;
  private readonly hashUsed: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO file_infos (${COLUMNS}) VALUES (@id, @user_id, @post_id, @channel_id, @create_at,
      @update_at, 0, @name, @extension, @size, @mime_type, @width, @height, @has_preview_image, @mini_preview, @content_hash,
      @thumbnail_hash, @preview_hash)`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM file_infos WHERE id = ? AND delete_at = 0`);
    this.forPostStatement = db.prepare(`SELECT ${COLUMNS} FROM file_infos WHERE post_id = ? AND delete_at = 0 ORDER BY create_at, rowid`);
    // Mattermost's AttachToPost: only a file not yet on a post, uploaded by the poster.
    this.attach = db.prepare(
      `UPDATE file_infos SET post_id = ?, update_at = ? WHERE id = ? AND post_id = '' AND delete_at = 0 AND user_id = ? AND channel_id = ?`,
    );
    this.deleteForPostStatement = db.prepare('UPDATE file_infos SET delete_at = ?, update_at = ? WHERE post_id = ? AND delete_at = 0');
    this.hashUsed = db
      .prepare('SELECT 1 FROM file_infos WHERE content_hash = ?1 OR thumbnail_hash = ?1 OR preview_hash = ?1 LIMIT 1')
      .pluck();
  }

  save(file: StoredFile): void {
    const { info } = file;
    this.insert.run({
      id: info.id,
      user_id: info.user_id,
      post_id: info.post_id ?? '',
      channel_id: info.channel_id,
      create_at: info.create_at,
      update_at: info.update_at,
      name: info.name,
      extension: info.extension,
      size: info.size,
      mime_type: info.mime_type,
      width: info.width ?? 0,
      height: info.height ?? 0,
      has_preview_image: info.has_preview_image ? 1 : 0,
      mini_preview: info.mini_preview === null ? null : Buffer.from(info.mini_preview, 'base64'),
      content_hash: file.contentHash,
      thumbnail_hash: file.thumbnailHash,
      preview_hash: file.previewHash,
    });
  }

  /** A file not deleted, or undefined. */
  get(id: string): StoredFile | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row && toStored(row);
  }

  /** The files attached to a post and not deleted, in upload order. */
  forPost(postId: string): FileInfo[] {
    return (this.forPostStatement.all(postId) as Row[]).map((row) => toStored(row).info);
  }

  /** Attaches the file to the post when the rules allow it; answers whether it did. */
  attachToPost(fileId: string, postId: string, channelId: string, userId: string, now: number): boolean {
    return this.attach.run(postId, now, fileId, userId, channelId).changes === 1;
  }

  deleteForPost(postId: string, now: number): void {
    this.deleteForPostStatement.run(now, now, postId);
  }

  /** Whether any row still needs the blob. */
  usesBlob(hash: string): boolean {
    return this.hashUsed.get(hash) !== undefined;
  }
}
