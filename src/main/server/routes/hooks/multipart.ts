/**
 * The text fields of a multipart/form-data body, as Go's ParseMultipartForm leaves them in
 * r.PostForm: parts with a filename are files and not listed. Answers null when the body is
 * not well-formed multipart (Mattermost ignores that error and decodes an empty form).
 */
export function parseMultipartFields(body: Buffer, contentType: string): Map<string, string[]> | null {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value) return null;
  const text = body.toString('latin1');
  const delimiter = `--${value}`;
  const sections = text.split(delimiter);
  if (sections.length < 3 || !sections.at(-1)!.startsWith('--')) return null;
  const fields = new Map<string, string[]>();
  for (const section of sections.slice(1, -1)) {
    const part = section.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    const split = part.search(/\r?\n\r?\n/);
    if (split === -1) return null;
    const headers = part.slice(0, split);
    const content = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined || /;\s*filename=/i.test(disposition)) continue;
    const decoded = Buffer.from(content, 'latin1').toString('utf8');
    fields.set(name, [...(fields.get(name) ?? []), decoded]);
  }
  return fields;
}
