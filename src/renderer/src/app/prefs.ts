// The UI's own preferences, kept in this browser profile (the desktop app's keeps them across runs).
// A profile that refuses storage still works: the default serves and nothing is remembered.

export function readPref(key: string, storage: Pick<Storage, 'getItem'> = localStorage): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Applied for this session only.
  }
}
