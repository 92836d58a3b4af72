/**
 * Go's mime.ParseMediaType, as far as webhooks can tell: the lowercased media type, or `null`
 * when the header cannot be parsed (then Mattermost's form parsing fails first).
 */
export function parseMediaType(header: string | undefined): string | null {
  if (header === undefined || header.trim() === '') return '';
  const [type, ...params] = header.split(';');
  const mediaType = type!.trim().toLowerCase();
  if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+\/[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(mediaType)) return null;
  for (const param of params) {
    if (param.trim() === '') continue;
    if (!/^\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+=("(?:[^"\\]|\\.)*"|[!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*$/.test(param)) return null;
  }
  return mediaType;
}

/** Go's url.ParseQuery: `+` is a space, a bad `%` escape or any `;` fails the whole form. */
export function parseGoForm(text: string): Map<string, string[]> | null {
  const form = new Map<string, string[]>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    if (pair.includes(';')) return null;
    const eq = pair.indexOf('=');
    const key = decodeGo(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeGo(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === null || value === null) return null;
    form.set(key, [...(form.get(key) ?? []), value]);
  }
  return form;
}

function decodeGo(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
