import { exportCommand } from './export';
import { importCommand } from './import';
import { replayCommand } from './replay';
import { serve } from './serve';
import { USAGE, UsageError } from './parse-args';
import { StartupError } from '../base/startup-error';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  serve,
  export: exportCommand,
  import: importCommand,
  replay: replayCommand,
};

/** `mockmost <command> …`; exits with the command's status. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`mockmost: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
    return 2;
  }
  try {
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mockmost: ${error.message}\n${USAGE}\n`);
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
