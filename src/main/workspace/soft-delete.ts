/** Mattermost deletes softly: the object stays, stamped with the time it was deleted. */
export function softDeleted<T extends { delete_at: number; update_at: number }>(doc: T, now = Date.now()): T {
  return { ...doc, delete_at: now, update_at: now };
}
