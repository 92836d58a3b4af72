import { readCollection, type Collection } from '../../../../shared/contract/collection';
import { curlToCollection, parseCurl } from '../../../../shared/contract/curl';
import { harToCollection } from '../../../../shared/contract/har';

/** A file the user picked: a Mockmost collection, a HAR file or a curl command. Throws CollectionError. */
export function readCollectionFile(name: string, text: string): Collection {
  if (text.trimStart().startsWith('curl')) return curlToCollection(parseCurl(text), name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not JSON, HAR or a curl command: ${(error as Error).message}`);
  }
  return typeof value === 'object' && value !== null && 'log' in value ? harToCollection(value, name) : readCollection(value);
}
