export interface AttachmentField {
  title?: unknown;
  value?: unknown;
  short?: unknown;
}

/**
 * Mattermost's field tables (message_attachment.tsx: getFieldsTable): a new table starts when the current one holds
 * two fields, when the field is long, or after a long field; a long first field therefore
 * follows an empty table. Only boolean `true` is short (webhooks convert strings server-side).
 */
export function groupFields(fields: AttachmentField[]): AttachmentField[][] {
  const tables: AttachmentField[][] = [];
  let current: AttachmentField[] = [];
  let previousLong = false;
  for (const field of fields) {
    const short = field.short === true;
    if (current.length === 2 || !short || previousLong) {
      tables.push(current);
      current = [];
    }
    current.push(field);
    previousLong = !short;
  }
  tables.push(current);
  return tables;
}
