import { Busboy } from '@fastify/busboy';

export interface FormPart {
  name: string;
  /** Set for a file part (a part whose Content-Disposition names a non-empty filename, as Go's FileName() sees it). */
  filename?: string;
  data: Buffer;
}

export interface ParsedForm {
  parts: FormPart[];
  /** Why reading stopped early (a truncated or malformed body); the parts before it are kept. */
  error?: string;
}

/** Mattermost reads at most this much of a form value (server/channels/api4/file.go: maxMultipartFormDataBytes). */
export const MAX_FORM_VALUE_BYTES = 10 * 1024;

/** Splits a multipart/form-data body into its parts, in order, without ever throwing. */
export function readMultipart(contentType: string, body: Buffer): Promise<ParsedForm> {
  return new Promise((resolve) => {
    const parts: FormPart[] = [];
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      resolve(error === undefined ? { parts } : { parts, error });
    };
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        defCharset: 'utf8',
        isPartAFile: (_field, _type, filename) => Boolean(filename),
        limits: { fieldSize: MAX_FORM_VALUE_BYTES },
      });
    } catch (error) {
      finish((error as Error).message);
      return;
    }
    parser.on('field', (name, value) => parts.push({ name, data: Buffer.from(value) }));
    parser.on('file', (name, stream, filename) => {
      const chunks: Buffer[] = [];
      const part: FormPart = { name, filename, data: Buffer.alloc(0) };
      parts.push(part);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => (part.data = Buffer.concat(chunks)));
      stream.on('error', (error: Error) => finish(error.message));
    });
    parser.on('error', (error: Error) => finish(error.message));
    parser.on('finish', () => finish());
    parser.end(body);
  });
}
