import type { Block, MarkdownOptions } from '../../../../shared/markdown/ast';
import type { User } from '../../../../shared/mattermost/model';
import type { PayloadKind } from '../../../../shared/schemas/payload-schemas';

/** What the composer asks its worker after an edit: the editor's text, and what the preview draws it with. */
export interface PreviewRequest {
  seq: number;
  kind: PayloadKind;
  text: string;
  author: User;
  users: Record<string, User>;
  options: MarkdownOptions;
}

/** The text read as JSON (or why not), and the markdown trees of the messages the preview will show. */
export interface PreviewReply {
  seq: number;
  value: unknown;
  error: string | null;
  trees: [message: string, blocks: Block[]][];
}

export type ParsedPayload = { value: unknown; error: string | null };

export function parsePayload(text: string): ParsedPayload {
  try {
    return { value: JSON.parse(text) as unknown, error: null };
  } catch (error) {
    return { value: undefined, error: (error as Error).message };
  }
}
