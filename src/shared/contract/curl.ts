import { COLLECTION_FORMAT, COLLECTION_VERSION, CollectionError, type Collection } from './collection';
import type { HeaderList } from './exchange';

// curl command lines to and from requests: "copy as curl" for any exchange, and reading the
// commands browsers copy ("Copy as cURL") or people write.

export interface CurlRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body: string | undefined;
}

/** Single-quoted for POSIX shells: safe for any content. */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

export function toCurl(request: CurlRequest): string {
  const parts = ['curl', '-i', '-X', request.method, quote(request.url)];
  for (const [name, value] of request.headers) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined && request.body !== '') parts.push('--data-raw', quote(request.body));
  return parts.join(' ');
}

/** Splits a command line as a POSIX shell would (quotes, backslashes, line continuations). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end === -1) throw new CollectionError('curl: a single quote is not closed');
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && '"\\$`\n'.includes(command[i + 1] ?? '')) i++;
        text += command[i];
      }
      if (i >= command.length) throw new CollectionError('curl: a double quote is not closed');
      word = (word ?? '') + text;
    } else if (c === '\\') {
      if (command[i + 1] !== '\n') word = (word ?? '') + (command[i + 1] ?? '');
      i++;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const DATA_FLAGS = ['-d', '--data', '--data-raw', '--data-binary', '--data-ascii'];
const FLAGS_WITH_VALUE = [
  '-X',
  '--request',
  '-H',
  '--header',
  '--url',
  '-u',
  '--user',
  '-A',
  '--user-agent',
  '-o',
  '--output',
  '-b',
  '--cookie',
  ...DATA_FLAGS,
];

/** Reads one curl command; errors say which part could not be understood. */
export function parseCurl(command: string): CurlRequest {
  const words = shellWords(command.trim());
  if (words[0] !== 'curl') throw new CollectionError('curl: the command must start with "curl"');
  let method: string | undefined;
  let url: string | undefined;
  const headers: HeaderList = [];
  let body: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = FLAGS_WITH_VALUE.includes(word) ? words[++i] : undefined;
    if (FLAGS_WITH_VALUE.includes(word) && value === undefined) throw new CollectionError(`curl: ${word} needs a value`);
    if (word === '-X' || word === '--request') method = value!.toUpperCase();
    else if (word === '-H' || word === '--header') {
      const colon = value!.indexOf(':');
      if (colon <= 0) throw new CollectionError(`curl: header ${JSON.stringify(value)} is not "Name: value"`);
      headers.push([value!.slice(0, colon).trim(), value!.slice(colon + 1).trim()]);
    } else if (DATA_FLAGS.includes(word)) {
      if (value!.startsWith('@') && word !== '--data-raw')
        throw new CollectionError(`curl: ${word} ${value} reads a file, which an imported command cannot`);
      body = body === undefined ? value : `${body}&${value}`;
    } else if (word === '--url') url = value;
    else if (word.startsWith('-')) continue;
    else if (url === undefined) url = word;
  }
  if (!url || !/^https?:\/\/[^\s/?#]+/i.test(url))
    throw new CollectionError(`curl: ${JSON.stringify(url ?? '')} is not an absolute http(s) URL`);
  if (body !== undefined && !headers.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body };
}

/** One curl command as a one-entry collection (there is no recorded answer to compare with). */
export function curlToCollection(request: CurlRequest, name: string): Collection {
  const body = request.body === undefined ? null : { text: request.body };
  return {
    format: COLLECTION_FORMAT,
    version: COLLECTION_VERSION,
    name,
    entries: [
      {
        name: `${request.method} ${request.url}`,
        kind: 'other',
        request: { ...request, body },
        response: { status: null, headers: [], body: null },
      },
    ],
  };
}
