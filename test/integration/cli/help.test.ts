import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/serve-process';

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000 });

describe('the command line', () => {
  it('answers --help and -h on every command with its usage and exit status, on stdout, exit 0', () => {
    for (const command of ['serve', 'export', 'import', 'replay']) {
      for (const flag of ['--help', '-h']) {
        const result = run(command, flag);
        expect([result.status, result.stderr], `${command} ${flag}`).toEqual([0, '']);
        expect(result.stdout).toMatch(new RegExp(`^Usage: mockmost ${command} `));
        expect(result.stdout).toContain('Exit status: 0 ');
      }
    }
    const general = run('--help');
    expect(general.status).toBe(0);
    expect(general.stdout).toContain('Commands:\n  serve ');
    expect(run('help', 'replay').stdout).toMatch(/^Usage: mockmost replay /);
    // --help wins over other, even broken, arguments.
    expect(run('replay', 'missing.json', '--nope', '--help').status).toBe(0);
  });

  it('answers --version with the package version', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    const result = run('--version');
    expect([result.status, result.stdout]).toEqual([0, `mockmost ${version}\n`]);
  });

  it('names the nearest flag for a mistyped one, says which flag lacks a value, and exits 2', () => {
    const typo = run('export', '--ot', 'x.json');
    expect(typo.status).toBe(2);
    expect(typo.stderr.split('\n')[0]).toBe('mockmost export: unknown argument "--ot"; did you mean --out?');
    expect(run('serve', '--prot', '1').stderr).toContain('did you mean --port?');
    expect(run('serve', '--zzzzzz').stderr.split('\n')[0]).toBe('mockmost serve: unknown argument "--zzzzzz"');
    const missing = run('serve', '--port');
    expect([missing.status, missing.stderr.split('\n')[0]]).toEqual([2, 'mockmost serve: --port needs a value']);
    expect(run('serve', '--json=yes').stderr.split('\n')[0]).toBe('mockmost serve: --json takes no value');
    expect(run('nope').status).toBe(2);
  });
});
