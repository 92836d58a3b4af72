import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { startWithHook } from '../helpers/mattermost-client';
import { startTestCore, type TestCore } from '../helpers/test-core';

describe('diagnostics Mattermost does not give', () => {
  let server: TestCore;
  let hookId: string;

  beforeAll(async () => {
    ({ server, hookId } = await startWithHook(startTestCore));
  });
  afterAll(() => server.stop());

  const send = async (body: string, type = 'application/json') => {
    const response = await fetch(`${server.url}/hooks/${hookId}`, { method: 'POST', headers: { 'Content-Type': type }, body });
    const [exchange] = (await (await server.control('/exchanges?limit=1')).json()) as Exchange[];
    return { status: response.status, body: await response.text(), diagnosis: exchange!.diagnosis };
  };

  it.each([
    ['{"text":""}', 'application/json', 'G01', /"text" and "attachments" are both empty/],
    ['{"text":"x","channel":"Town Square"}', 'application/json', 'G01', /channel's name \(not its display name\)/],
    ['{"text":"x","username":"robot"}', 'application/json', 'G02', /EnablePostUsernameOverride is off/],
    ['{"text":"x","props":{"attachments":[{"text":"a"}]}}', 'application/json', 'G06', /inside "props" was dropped/],
    ['{"text":5}', 'application/json', 'G07', /cannot unmarshal number into Go value of type string/],
    ['{"text":"json as form"}', 'application/x-www-form-urlencoded', 'G07', /payload= field/],
    [
      '--b\r\nContent-Disposition: form-data; name="channel"\r\n\r\nx\r\n--b--',
      'multipart/form-data; boundary=b',
      'G08',
      /"channel" is not one Mattermost decodes/,
    ],
    ['{"text":"hi","channel":"@user-1"}', 'application/json', 'G10', /direct message between the hook's creator and user-1/],
  ])('%s as %s explains %s', async (body, type, code, message) => {
    const result = await send(body, type);
    const found = result.diagnosis.find((d) => d.code === code);
    expect(`${found?.message} ${found?.fix ?? ''}`).toMatch(message);
  });

  it('keeps the wire answer exactly as Mattermost gives it', async () => {
    const result = await send('{"text":""}');
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body)).toMatchObject({ id: 'web.incoming_webhook.general.app_error', detailed_error: '' });
    expect(result.body).not.toContain('both empty');
  });
});
