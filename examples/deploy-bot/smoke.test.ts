// Keeps the language-neutral path honest: smoke.sh drives the bot through `serve --json` and curl.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('runs the shell example against `mockmost serve --json`', () => {
  const output = execFileSync('bash', [join(__dirname, 'smoke.sh')], { encoding: 'utf8', timeout: 60_000 });
  expect(output.trim()).toBe('ok: /deploy prod asked for approval in town-square');
});
