// Baseline server: the least a Node HTTP server can do for a request (read the body, answer),
// with nothing parsed or stored. `text` answers `ok` (an incoming webhook's answer); `json`
// answers a fixed slash-command response (an integration for the replay benchmark).
import { createServer } from 'node:http';

const body = process.argv[2] === 'json' ? '{"response_type":"in_channel","text":"deployed"}' : 'ok';
const type = process.argv[2] === 'json' ? 'application/json' : 'text/plain';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
