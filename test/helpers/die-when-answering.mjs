// Preloaded into `mockmost serve` (node --import) by the durability test. The process kills itself
// the moment it starts answering a webhook 200: after the commit the answer waits for, before a byte
// of the answer has left. It first writes the URL being answered to MOCKMOST_DYING_URL_FILE.
import { writeFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';

const writeHead = ServerResponse.prototype.writeHead;
ServerResponse.prototype.writeHead = function (status, ...rest) {
  if (status === 200 && this.req?.url?.startsWith('/hooks/')) {
    writeFileSync(process.env.MOCKMOST_DYING_URL_FILE, this.req.url);
    process.kill(process.pid, 'SIGKILL');
  }
  return writeHead.call(this, status, ...rest);
};
