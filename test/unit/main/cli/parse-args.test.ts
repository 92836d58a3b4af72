import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from '../../../../src/main/cli/parse-args';

describe('serve flags', () => {
  it("defaults to Mattermost's port on loopback", () => {
    expect(parseServeArgs([])).toEqual({
      port: 8065,
      host: '127.0.0.1',
      data: undefined,
      seed: undefined,
      token: undefined,
      proxies: {},
      keep: undefined,
      json: false,
    });
  });

  it('takes --name value and --name=value', () => {
    expect(parseServeArgs(['--port', '9000', '--data=/tmp/d', '--token', 't'])).toMatchObject({ port: 9000, data: '/tmp/d', token: 't' });
  });

  it('reads recording proxies and the retention limit', () => {
    expect(parseServeArgs(['--proxy', 'bot=http://127.0.0.1:4000/hooks,ci=https://ci.example.com', '--keep', '5000'])).toMatchObject({
      proxies: { bot: 'http://127.0.0.1:4000/hooks', ci: 'https://ci.example.com' },
      keep: { count: 5000 },
    });
    expect(parseServeArgs(['--keep', '7d']).keep).toEqual({ maxAgeMs: 7 * 86_400_000 });
    expect(parseServeArgs(['--keep', '500MB']).keep).toEqual({ bytes: 500 * 1024 * 1024 });
    expect(() => parseServeArgs(['--keep', '7 days'])).toThrow(/--keep takes a number of exchanges/);
    expect(() => parseServeArgs(['--proxy', 'my_bot=http://x'])).toThrow(/NAME=URL/);
    expect(() => parseServeArgs(['--keep', '0'])).toThrow(/--keep/);
  });

  it('rejects unknown flags, missing values and bad ports', () => {
    expect(() => parseServeArgs(['--prot', '1'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(UsageError);
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(UsageError);
  });
});
