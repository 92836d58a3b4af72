// `npm run bench [-- --quick] [-- --only webhooks,history,replay,ui,library]`: every benchmark of the
// project. Each figure is printed as a JSON line as soon as it is measured, then all as a table.
// Load goes to 127.0.0.1 only, bounded in count and time; baselines are measured in the same run.
import { cpus } from 'node:os';
import { createReport } from './lib/report.mjs';
import { history } from './suites/history.mjs';
import { library } from './suites/library.mjs';
import { replay } from './suites/replay.mjs';
import { ui } from './suites/ui.mjs';
import { webhooks } from './suites/webhooks.mjs';

const SUITES = { webhooks, history, replay, ui, library };

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : Object.keys(SUITES);
const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')} (known: ${Object.keys(SUITES).join(', ')})\n`);
  process.exit(2);
}

const report = createReport();
const started = performance.now();
process.stderr.write(`bench: ${quick ? 'quick' : 'full'} run, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`);
let failed = false;
for (const name of only) {
  process.stderr.write(`bench: ${name}…\n`);
  const suiteStarted = performance.now();
  try {
    await SUITES[name]({ quick, report });
    process.stderr.write(`bench: ${name} took ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`bench: ${name} failed: ${error.stack ?? error}\n`);
  }
}
report.table();
process.stderr.write(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
process.exitCode = failed ? 1 : 0;
