// The durable floor: the least a webhook server can do and still answer only what is stored.
// It reads the body, parses it as JSON, inserts the raw request (URL, headers, body) as one row,
// and answers once that row is committed. Every request that arrives in one event-loop turn
// shares one COMMIT (WAL, synchronous=NORMAL, as Mockmost's store). `node durable-floor-server.mjs DIR`
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { join } from 'node:path';

const db = new Database(join(process.argv[2], 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE IF NOT EXISTS requests (id INTEGER PRIMARY KEY, url TEXT, headers TEXT, body BLOB, received_at INTEGER)');
const insert = db.prepare('INSERT INTO requests (url, headers, body, received_at) VALUES (?, ?, ?, ?)');

let waiting = [];
const commit = () => {
  const batch = waiting;
  waiting = [];
  db.exec('BEGIN');
  for (const { req, body } of batch) insert.run(req.url, JSON.stringify(req.rawHeaders), body, Date.now());
  db.exec('COMMIT');
  for (const { res } of batch) {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 2 });
    res.end('ok');
  }
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (waiting.length === 0) setImmediate(commit);
    waiting.push({ req, res, body });
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => (db.close(), process.exit(0))));
