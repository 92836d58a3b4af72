import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportCommand } from './export';
import { importCommand } from './import';
import { replayCommand } from './replay';
import { serve } from './serve';
import { COMMAND_HELP, USAGE, UsageError } from './parse-args';
import { StartupError } from '../base/startup-error';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve,
  export: exportCommand,
  import: importCommand,
  replay: replayCommand,
};

const HELP = ['--help', '-h'];

/** The version in package.json (out/main/cli.js sits two folders below it). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}

/** `mockmost <command> …`; exits with the command's status (0 success, 1 failure, 2 bad arguments). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (HELP.includes(command) || command === 'help') {
    process.stdout.write(`${(rest[0] && COMMAND_HELP[rest[0]]) || USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`mockmost ${version()}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`mockmost: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
    return 2;
  }
  // `--help` anywhere before a `--` asks for the command's help, whatever else is there.
  const ownArgs = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (ownArgs.some((arg) => HELP.includes(arg))) {
    process.stdout.write(`${COMMAND_HELP[command]}\n`);
    return 0;
  }
  try {
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mockmost ${command}: ${error.message}\n\n${COMMAND_HELP[command]}\n`);
      return 2;
    }
    if (error instanceof StartupError) {
      process.stderr.write(`mockmost: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`mockmost: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
