import { Client4 } from '@mattermost/client';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/shared/contract/collection';
import { FakeIntegration } from '../helpers/fake-integration';
import { BIN, startServe, type ServeProcess } from '../../helpers/serve-process';

/**
 * The QA workflow end to end: record a session against an integration with `mockmost serve`,
 * export it, change the integration, replay headless and read the verdict, as CI would.
 */
describe('mockmost export and replay', () => {
  let serve: ServeProcess;
  let fake: FakeIntegration;
  let fakeUrl: string;
  let dir: string;
  let collectionFile: string;

  // Asynchronous on purpose: the fake integration answers from this very process.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
        done({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mockmost-replay-'));
    collectionFile = join(dir, 'session.json');
    fake = new FakeIntegration();
    fakeUrl = await fake.start();
    fake.response = { body: { text: 'deploying v1', response_type: 'comment' } };
    serve = await startServe([], { dataDir: join(dir, 'data') });
    const client = new Client4();
    client.setUrl(serve.url);
    await client.login('sysadmin', 'Sys@dmin-sample1');
    const channel = await client.getChannelByNameAndTeamName('dev', 'off-topic');
    await client.createOutgoingWebhook({
      team_id: channel.team_id,
      channel_id: channel.id,
      trigger_words: ['deploy'],
      callback_urls: [`${fakeUrl}/hook`],
    } as never);
    await client.createPost({ channel_id: channel.id, message: 'deploy api' } as never);
    for (let i = 0; i < 100 && fake.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    if (fake.calls.length !== 1) throw new Error('the outgoing webhook did not fire while recording');
  });
  afterAll(async () => {
    await serve.cleanup();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the recorded calls while serve runs, as JSON that keeps bodies readable', async () => {
    const result = await run(['export', '--data', serve.dataDir, '--out', collectionFile, '--name', 'deploy session']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const collection = JSON.parse(readFileSync(collectionFile, 'utf8')) as Collection;
    expect(collection).toMatchObject({ format: 'mockmost-collection', version: 1, name: 'deploy session' });
    expect(collection.entries).toHaveLength(1);
    expect(collection.entries[0]).toMatchObject({
      kind: 'outgoing_webhook',
      request: { method: 'POST', url: `${fakeUrl}/hook` },
      response: { status: 200, body: { json: { text: 'deploying v1', response_type: 'comment' } } },
    });
  });

  it('exits 0 when the integration answers as recorded, and writes valid JUnit', async () => {
    const junit = join(dir, 'same.xml');
    const result = await run(['replay', collectionFile, '--target', fakeUrl, '--junit', junit]);
    expect(result.stdout).toContain('1 same, 0 changed, 0 failed');
    expect(result.status).toBe(0);
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const report = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: Record<string, unknown> } };
    expect(report.testsuites.testsuite).toMatchObject({ '@_name': 'deploy session', '@_tests': '1', '@_failures': '0', '@_errors': '0' });
  });

  it('reports exactly the changed field and exits 1 when the answer changed', async () => {
    fake.response = { body: { text: 'deploying v2', response_type: 'comment' } };
    const junit = join(dir, 'changed.xml');
    const result = await run(['replay', collectionFile, '--target', fakeUrl, '--junit', junit]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('body.text: "deploying v1" → "deploying v2"');
    expect(result.stdout).not.toContain('response_type');
    const xml = readFileSync(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const report = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      testsuites: { testsuite: { testcase: { failure: Record<string, string> } } };
    };
    expect(report.testsuites.testsuite.testcase.failure['#text']).toBe('body.text: "deploying v1" → "deploying v2"');
    fake.response = { body: { text: 'deploying v1', response_type: 'comment' } };
  });

  it('ignores what --ignore names', async () => {
    fake.response = { body: { text: 'deploying v3', response_type: 'comment' } };
    expect((await run(['replay', collectionFile, '--target', fakeUrl, '--ignore', 'body.text'])).status).toBe(0);
    fake.response = { body: { text: 'deploying v1', response_type: 'comment' } };
  });

  it('fails, without a half-written report, when the target is down', async () => {
    const junit = join(dir, 'down.xml');
    const result = await run(['replay', collectionFile, '--target', 'http://127.0.0.1:9', '--junit', junit]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('0 same, 0 changed, 1 failed');
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
  });

  it('imports and replays a HAR written by a browser, and round-trips HAR through export and import', async () => {
    const har = join(__dirname, '../../fixtures/har/browser-export.har');
    const imported = join(dir, 'from-har.json');
    const result = await run(['import', har, '--out', imported]);
    expect(result.status).toBe(0);
    const collection = JSON.parse(readFileSync(imported, 'utf8')) as Collection;
    expect(collection.entries[0]).toMatchObject({
      request: {
        method: 'POST',
        url: 'http://integration.example:4000/hook?source=browser',
        headers: [['content-type', 'application/json']],
      },
      response: { status: 200, body: { json: { text: 'deploying v1', response_type: 'comment' } } },
    });
    // A request that got no answer in the browser (status 0) is recorded as no answer.
    expect(collection.entries[1]!.response.status).toBeNull();

    fake.calls.length = 0;
    const replayed = await run(['replay', har, '--target', `http://integration.example:4000=${fakeUrl}`]);
    // The health check that got no answer in the browser answers now: that is a difference.
    expect(replayed.stdout).toContain('1 same, 1 changed, 0 failed');
    expect(replayed.stdout).toContain('status: null → 200');
    expect(fake.calls[0]).toMatchObject({ method: 'POST', path: '/hook', query: { source: 'browser' } });

    const exported = join(dir, 'session.har');
    expect((await run(['export', '--data', serve.dataDir, '--out', exported, '--format', 'har'])).status).toBe(0);
    const again = join(dir, 'again.json');
    expect((await run(['import', exported, '--out', again])).status).toBe(0);
    const original = JSON.parse(readFileSync(collectionFile, 'utf8')) as Collection;
    const roundTripped = JSON.parse(readFileSync(again, 'utf8')) as Collection;
    expect(roundTripped.entries.map((e) => [e.request, e.response])).toEqual(original.entries.map((e) => [e.request, e.response]));
  });

  it('imports a curl command as a one-entry collection', async () => {
    const command = join(dir, 'request.sh');
    writeFileSync(command, `curl '${fakeUrl}/hook' -H 'Content-Type: application/json' --data-raw '{"text":"deploy"}'\n`);
    const out = join(dir, 'from-curl.json');
    expect((await run(['import', command, '--out', out, '--name', 'one request'])).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      name: 'one request',
      entries: [
        {
          request: {
            method: 'POST',
            url: `${fakeUrl}/hook`,
            headers: [['Content-Type', 'application/json']],
            body: { text: '{"text":"deploy"}' },
          },
        },
      ],
    });
  });

  it('names the file, entry and field of a broken collection, and exits 2', async () => {
    const broken = join(dir, 'broken.json');
    const collection = JSON.parse(readFileSync(collectionFile, 'utf8')) as { entries: { request: { url: unknown } }[] };
    collection.entries[0]!.request.url = 42;
    writeFileSync(broken, JSON.stringify(collection));
    const result = await run(['replay', broken, '--target', fakeUrl]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`mockmost: ${broken}: entries[0].request.url: 42 is not an absolute http(s) URL`);
    writeFileSync(broken, '{"format": "mockmost-collection", ');
    expect((await run(['replay', broken, '--target', fakeUrl])).stderr).toMatch(/: not valid JSON: /);
    const missing = await run(['replay', join(dir, 'missing.json'), '--target', fakeUrl]);
    expect(missing.stderr).toContain('cannot read it: ENOENT');
    writeFileSync(broken, JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: '/relative' } }] } }));
    const badHar = await run(['import', broken, '--out', join(dir, 'x.json')]);
    expect(badHar.status).toBe(2);
    expect(badHar.stderr).toContain('log.entries[0].request.url: "/relative" is not an absolute http(s) URL');
  });
});
