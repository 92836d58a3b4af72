import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { login, startTestCore, SYSADMIN, tempDir, type TestCore } from '../helpers/test-core';

describe('SiteURL', () => {
  const dir = tempDir();
  let server: TestCore | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const siteUrl = async (s: TestCore) => {
    const token = await login(s.url, SYSADMIN);
    const config = (await (await fetch(`${s.url}/api/v4/config`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      ServiceSettings: { SiteURL: string };
    };
    return { token, value: config.ServiceSettings.SiteURL };
  };

  it('follows the listen address across restarts until the user sets it', async () => {
    server = await startTestCore({ dataDir: dir });
    expect((await siteUrl(server)).value).toBe(server.url);
    await server.stop();

    server = await startTestCore({ dataDir: dir });
    const { token, value } = await siteUrl(server);
    expect(value).toBe(server.url);
    const patch = await fetch(`${server.url}/api/v4/config/patch`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ ServiceSettings: { SiteURL: 'https://chat.example.com' } }),
    });
    expect(patch.status).toBe(200);
    await server.stop();

    server = await startTestCore({ dataDir: dir });
    expect((await siteUrl(server)).value).toBe('https://chat.example.com');
    await server.stop();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
});
