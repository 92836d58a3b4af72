import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const STORE = join(ROOT, 'src/main/store');
/** What SQL looks like in our code: statements, clauses, SQLite's JSON functions, and better-sqlite3's calls. */
const SQL =
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX|TRIGGER)|ORDER BY|json_extract|json_set)\b|\.(prepare|pragma)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(dir, file));
}

describe('the sealed store', () => {
  it('holds every line of SQL: none is written outside src/main/store', () => {
    const outside = sources(join(ROOT, 'src'))
      .filter((file) => !file.startsWith(STORE))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ where: `${relative(ROOT, file)}:${index + 1}`, line }))
          .filter(({ line }) => SQL.test(line)),
      );
    expect(outside).toEqual([]);
  });

  it('sees SQL where there is some, so the check above can fail', () => {
    const inside = sources(STORE).filter((file) => SQL.test(readFileSync(file, 'utf8')));
    expect(inside.map((file) => relative(STORE, file))).toEqual(expect.arrayContaining(['store.ts', 'exchange-log.ts', 'doc-table.ts']));
  });
});
