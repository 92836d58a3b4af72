// A test suite's view of the package: `import … from 'mockmost'` (resolved through package.json
// "exports" to the built library). Starts two Mockmosts at once, uses one, stops both, and
// prints what it saw as one JSON line for library.test.ts.
import { existsSync } from 'node:fs';
import { startMockmost } from 'mockmost';

const [a, b] = await Promise.all([startMockmost(), startMockmost()]);
const ping = await fetch(`${a.url}/api/v4/system/ping`);
const exchanges = await fetch(`${a.url}/_mockmost/api/exchanges?limit=5`, { headers: { Authorization: `Bearer ${a.controlToken}` } });
await Promise.all([a.stop(), b.stop()]);
process.stdout.write(
  `${JSON.stringify({ urls: [a.url, b.url], ping: ping.status, exchanges: exchanges.status, dirsLeft: [a.dataDir, b.dataDir].filter(existsSync) })}\n`,
);
