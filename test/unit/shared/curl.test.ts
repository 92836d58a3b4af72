import { describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../../src/shared/contract/curl';

describe('curl commands', () => {
  it('round-trips a request through copy-as-curl, whatever the body holds', () => {
    const request = {
      method: 'POST',
      url: 'http://127.0.0.1:8065/hooks/abc?x=1&y=2',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Note', 'it\'s "quoted" $HOME `cmd`'],
      ] as [string, string][],
      body: '{"text": "it\'s a \\"test\\"\\nline two $(rm -rf /)"}',
    };
    expect(parseCurl(toCurl(request))).toEqual(request);
  });

  it("reads a browser's Copy as cURL", () => {
    const copied = `curl 'https://mm.example.com/hooks/abc' \\
  -H 'accept: */*' \\
  -H 'content-type: application/json' \\
  --data-raw '{"text":"from Chrome"}' \\
  --compressed`;
    expect(parseCurl(copied)).toEqual({
      method: 'POST',
      url: 'https://mm.example.com/hooks/abc',
      headers: [
        ['accept', '*/*'],
        ['content-type', 'application/json'],
      ],
      body: '{"text":"from Chrome"}',
    });
  });

  it('says what it cannot read', () => {
    expect(() => parseCurl('wget http://x')).toThrow('must start with "curl"');
    expect(() => parseCurl("curl 'http://x")).toThrow('single quote is not closed');
    expect(() => parseCurl('curl -H broken http://x.example')).toThrow('is not "Name: value"');
    expect(() => parseCurl('curl -d @body.json http://x.example')).toThrow('reads a file');
    expect(() => parseCurl('curl /relative')).toThrow('not an absolute http(s) URL');
  });
});
