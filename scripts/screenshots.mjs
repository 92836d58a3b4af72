// Redraws the README's screenshots (resources/screenshot-*.png) from a fresh `mockmost serve`:
// a few posts an integration developer would send, shown in Debian's Chromium: the channel in
// Denim and in Onyx (the system's dark preference), the traffic view and the composer.
//   npm run build && node scripts/screenshots.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { adminHeaders } from '../bench/lib/mockmost-api.mjs';
import { serveMockmost, stop } from '../bench/lib/processes.mjs';

const resources = join(dirname(fileURLToPath(import.meta.url)), '../resources');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function api(base, headers, method, path, body) {
  const response = await fetch(`${base}/api/v4${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** The posts in the channel screenshot: a person, a CI bot with a deploy prompt, an alert. */
async function post(base) {
  const headers = await adminHeaders(base);
  await api(base, headers, 'PUT', '/config/patch', { ServiceSettings: { EnablePostUsernameOverride: true } });
  const channel = await api(base, headers, 'GET', '/teams/name/dev/channels/name/town-square');
  const hook = await api(base, headers, 'POST', '/hooks/incoming', { channel_id: channel.id, display_name: 'CI' });
  const send = (payload) => fetch(`${base}/hooks/${hook.id}`, { method: 'POST', body: JSON.stringify(payload) });
  await api(base, headers, 'POST', '/channels', {
    team_id: channel.team_id,
    name: 'ops-private',
    display_name: 'Ops (private)',
    type: 'P',
  });
  await api(base, headers, 'POST', '/posts', {
    channel_id: channel.id,
    message: 'Morning @user-1! The release checklist is in ~off-topic. #release 🚀',
  });
  await send({
    username: 'ci-bot',
    text: 'Build **#1234** passed :white_check_mark: :rocket: — [open the log](https://ci.example.com/1234)',
  });
  await send({
    username: 'ci-bot',
    attachments: [
      {
        pretext: 'Deploy to **production** is ready',
        color: 'good',
        author_name: 'Jenkins',
        title: 'api v2.3.1',
        title_link: 'https://ci.example.com/api/2.3.1',
        text: 'All 412 tests passed in `4m 12s`.',
        fields: [
          { title: 'Branch', value: 'main', short: true },
          { title: 'Commit', value: '`a1b2c3d`', short: true },
        ],
        footer: 'Deploy bot',
        actions: [
          { id: 'approve', name: 'Approve', style: 'primary', integration: { url: 'http://127.0.0.1:4000/approve' } },
          { id: 'reject', name: 'Reject', style: 'danger', integration: { url: 'http://127.0.0.1:4000/reject' } },
          {
            id: 'env',
            name: 'Choose an environment',
            type: 'select',
            options: [
              { text: 'staging', value: 'staging' },
              { text: 'production', value: 'production' },
            ],
            integration: { url: 'http://127.0.0.1:4000/env' },
          },
        ],
      },
    ],
  });
  // EnablePostIconOverride is off: the traffic view explains why the icon was ignored.
  await send({
    username: 'alerts',
    icon_url: 'https://ci.example.com/alert.png',
    text: '```json\n{"status": "degraded", "latency_ms": 812}\n```',
    attachments: [
      { color: 'danger', title: 'p99 latency above 800 ms', text: '| service | p99 |\n| --- | --: |\n| api | 812 ms |\n| web | 143 ms |' },
    ],
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-screenshots-'));
const server = await serveMockmost(dataDir);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  await post(server.url);
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${server.url}/dev/channels/town-square`);
  await page.locator('.post', { hasText: 'p99 latency' }).waitFor();
  await page.locator('.hljs').first().waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(resources, 'screenshot-channel.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(resources, 'screenshot-channel-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.url}/_mockmost/traffic`);
  await page.locator('#trafficList .traffic__item', { hasText: '/hooks/' }).first().click();
  await page.locator('#exchangeDiagnosis').waitFor();
  await page.locator('#exchangeDetail').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(resources, 'screenshot-traffic.png') });
  await page.goto(`${server.url}/_mockmost/composer`);
  await page.locator('.monaco-editor .view-lines').waitFor();
  await page.locator('#composer-template').selectOption({ label: 'Buttons and a menu' });
  await page.locator('#composer-preview .attachment').first().waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(resources, 'screenshot-composer.png') });
  console.log('wrote resources/screenshot-{channel,channel-dark,traffic,composer}.png');
} finally {
  await browser.close();
  await stop(server.child);
  rmSync(dataDir, { recursive: true, force: true });
}
