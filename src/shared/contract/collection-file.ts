import { CollectionError, readCollection, type Collection } from './collection';
import { curlToCollection, parseCurl } from './curl';
import { harToCollection } from './har';

/**
 * The text of a file the user gives (CLI or UI): a Mockmost collection, a HAR file from a browser
 * or a proxy, or one curl command. Throws CollectionError naming what could not be read.
 */
export function parseCollectionFile(name: string, text: string): Collection {
  if (text.trimStart().startsWith('curl')) return curlToCollection(parseCurl(text), name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CollectionError(`not valid JSON: ${(error as Error).message}`);
  }
  const isHar = typeof value === 'object' && value !== null && 'log' in value;
  return isHar ? harToCollection(value, name) : readCollection(value);
}
