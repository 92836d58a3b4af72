import { join } from 'node:path';
import type { ServeProcess } from '../helpers/serve-process';
import { replaceMonacoText } from './helpers/monaco';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';

let serve: ServeProcess;
let hookUrl: string;

test.beforeAll(async () => {
  ({ serve, hookUrl } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

test('lists exchanges live, searches bodies, explains failures, replays and clears after confirmation', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator('#trafficLink').click();
  await expect(page).toHaveURL(/\/_mockmost\/traffic$/);

  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'giraffe report' }),
  });
  await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: '' }) });
  const list = page.locator('#trafficList');
  await expect(list.locator('.traffic__item', { hasText: new URL(hookUrl).pathname })).toHaveCount(2);
  // Only this hook's exchanges, only lately: the two webhooks and the REST call that created it.
  await page.locator('#trafficSource').selectOption({ label: 'Incoming: e2e' });
  await page.locator('#trafficSince').selectOption({ label: 'Last 5 minutes' });
  await expect(list.locator('.traffic__item')).toHaveCount(3);
  await expect(list.locator('.traffic__item', { hasText: 'POST /api/v4/hooks/incoming' })).toHaveCount(1);
  await page.locator('#trafficSource').selectOption('');
  await page.locator('#trafficSince').selectOption('');

  await page.locator('#trafficKind').selectOption('incoming_webhook');
  await page.locator('#trafficSearch').fill('giraffe');
  await page.locator('#trafficSearch').press('Enter');
  await expect(list.locator('.traffic__item')).toHaveCount(1);
  await list.locator('.traffic__item').click();
  await expect(page.locator('#exchangeDetail .traffic__body').first()).toContainText('"text": "giraffe report"');
  // The post it made, drawn as the channel draws it.
  await expect(page.locator('#exchangePost .post-message__text')).toHaveText('giraffe report');
  await page.locator('#replayButton').click();
  await expect(page.locator('#replayResult')).toContainText('Same answer');

  await page.locator('#trafficSearch').fill('');
  await page.locator('#trafficSearch').press('Enter');
  await page.locator('#trafficStatus').selectOption('4xx');
  await list.locator('.traffic__item').first().click();
  await expect(page.locator('#exchangeDiagnosis')).toContainText('G01');

  await page.locator('#trafficStatus').selectOption('');
  await page.locator('#trafficKind').selectOption('');
  await page.locator('#trafficClear').click();
  await page.locator('#trafficClearConfirm').click();
  await expect(list.locator('.traffic__item')).toHaveCount(0);
});

test('saves selected exchanges as a collection, replays it, imports a HAR and deletes', async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/traffic`);
  await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'first' }) });
  await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'second' }) });
  const hooks = page.locator('#trafficList .traffic__item', { hasText: new URL(hookUrl).pathname });
  await expect(hooks).toHaveCount(2);
  await hooks.nth(0).locator('input[type="checkbox"]').check();
  await hooks.nth(1).locator('input[type="checkbox"]').check();
  await page.locator('#collectionName').fill('two hooks');
  await page.locator('#saveCollection').click();
  const saved = page.locator('#collectionsPanel li', { hasText: 'two hooks' }).first();
  await expect(saved).toContainText('(2)');
  await saved.getByRole('button', { name: 'Replay' }).click();
  await expect(saved.locator('.traffic__replay-result--same')).toHaveCount(2);

  await page.locator('#importCollection').setInputFiles(join(__dirname, '../fixtures/har/browser-export.har'));
  const imported = page.locator('#collectionsPanel li', { hasText: 'browser-export.har' }).first();
  await expect(imported).toContainText('(2)');
  await imported.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('#collectionsPanel li', { hasText: 'browser-export.har' })).toHaveCount(0);
});

test('keeps a long history light (only rows in view are drawn, older pages load on scroll), edits a replay in Monaco and diffs the answers', async ({
  page,
}) => {
  for (let i = 0; i < 450; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        fetch(hookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `bulk item${i + j}` }),
        }),
      ),
    );
  }
  await page.goto(`${serve.url}/_mockmost/traffic`);
  const list = page.locator('#trafficList');
  await expect(list).toHaveAttribute('aria-rowcount', '200');
  expect(await list.locator('li').count()).toBeLessThan(80);
  // Scrolling to the end pages older exchanges in, until all are there.
  await expect(async () => {
    await page.locator('.traffic__list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(Number(await list.getAttribute('aria-rowcount'))).toBeGreaterThanOrEqual(450);
  }).toPass();
  expect(await list.locator('li').count()).toBeLessThan(80);

  await page.locator('#trafficSearch').fill('item123');
  await page.locator('#trafficSearch').press('Enter');
  await expect(list.locator('.traffic__item')).toHaveCount(1);
  await list.locator('.traffic__item').click();
  await page.locator('#replayEdit').check();
  const editor = page.locator('#replayRequest .monaco-editor');
  await editor.waitFor();
  await replaceMonacoText(
    page,
    '#replayRequest',
    JSON.stringify({ method: 'POST', url: '/hooks/nosuchhook00000000000000000', body: { text: 'bulk item123' } }),
  );
  await page.locator('#replayButton').click();
  const result = page.locator('#replayResult');
  await expect(result).toContainText('Changed');
  await expect(result).toContainText('status: 200 → 400');
  await expect(page.locator('#replayDiff .monaco-diff-editor')).toBeVisible();
  await expect(page.locator('#replayDiff .modified-in-monaco-diff-editor')).toContainText('incoming webhook nosuchhook00000000000000000');

  await replaceMonacoText(page, '#replayRequest', '{"method": "POST",');
  await page.locator('#replayButton').click();
  await expect(page.locator('.traffic__replay').getByRole('alert')).toContainText('The request is not valid JSON');
});

test('compares two ticked exchanges: what the requests and the answers differ in, and both bodies in the diff editor', async ({ page }) => {
  const send = (body: string) => fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  await send(JSON.stringify({ text: 'okapi v1', props: { build: 1 } }));
  await send(JSON.stringify({ text: 'okapi v2', props: { build: 1 } }));
  await page.goto(`${serve.url}/_mockmost/traffic`);
  await page.locator('#trafficSearch').fill('okapi');
  await page.locator('#trafficSearch').press('Enter');
  const rows = page.locator('#trafficList .traffic__item');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('#compareSelected')).toHaveCount(0);
  await rows.nth(0).locator('input[type=checkbox]').check();
  await rows.nth(1).locator('input[type=checkbox]').check();
  await page.locator('#compareSelected').click();

  const panel = page.locator('#comparePanel');
  await expect(panel.locator('#compareRequestDifferences li')).toHaveText(['body.text: "okapi v1" → "okapi v2"']);
  await expect(panel.getByRole('heading', { name: 'Answers: the same' })).toBeVisible();
  await expect(panel.locator('#compareRequestDiff .modified .view-lines')).toContainText('okapi v2');
  await expect(panel.locator('#compareRequestDiff .original .view-lines')).toContainText('okapi v1');
  await page.locator('#compareClose').click();
  await expect(panel).toHaveCount(0);
});

test('deletes one exchange: it leaves the list and the API', async ({ page }) => {
  await fetch(hookUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: 'wombat secret' }),
  });
  await page.goto(`${serve.url}/_mockmost/traffic`);
  await page.locator('#trafficSearch').fill('wombat');
  await page.locator('#trafficSearch').press('Enter');
  const row = page.locator('#trafficList .traffic__item');
  await expect(row).toHaveCount(1);
  const id = await row.getAttribute('data-exchange-id');
  await row.click();
  await page.locator('#exchangeDelete').click();
  await expect(row).toHaveCount(0);
  await expect(page.locator('#exchangeDetail')).toHaveCount(0);
  const response = await fetch(`${serve.url}/_mockmost/api/exchanges/${id}`, { headers: { Authorization: `Bearer ${serve.token}` } });
  expect(response.status).toBe(404);
  // Gone from the search too.
  await page.reload();
  await page.locator('#trafficSearch').fill('wombat');
  await page.locator('#trafficSearch').press('Enter');
  await expect(page.getByText('Nothing captured matches "wombat"')).toBeVisible();
});

test('an exchange reads like a debugger: JSON folded in an editor, forms and headers as tables, timings, and copy buttons', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const rows = Array.from({ length: 30 }, (_, i) => ({ title: `field ${i}`, value: `value ${i}`, short: true }));
  const json = JSON.stringify({ text: 'pelican json', attachments: [{ fields: rows }] });
  await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json });
  const form = new URLSearchParams({ payload: JSON.stringify({ text: 'pelican form' }) }).toString();
  await fetch(hookUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
  await page.goto(`${serve.url}/_mockmost/traffic`);
  const list = page.locator('#trafficList');

  await list
    .locator('.traffic__item', { hasText: new URL(hookUrl).pathname })
    .nth(1)
    .click();
  const request = page.locator('#exchangeRequest');
  // Monaco, read-only, with syntax colours and the nested levels of a long document folded.
  const editor = request.locator('.traffic__body--json .monaco-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('"attachments"');
  await expect(editor.locator('.view-lines')).not.toContainText('field 29');
  await expect(editor.locator('.folded-background, .codicon-folding-collapsed').first()).toBeAttached();
  await expect(request.locator('.traffic__headers th', { hasText: /^content-type$/i })).toHaveCount(1);
  await request.getByRole('button', { name: 'Copy body' }).click();
  await expect(request.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(json);
  await page.locator('#copyCurlButton').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`curl -i -X POST '${hookUrl}'`);
  // Where the time went: the request arriving, then Mockmost answering.
  await expect(page.locator('#exchangeTimings')).toContainText('Receiving the request');
  await expect(page.locator('#exchangeTimings')).toContainText('Mockmost answering');

  await list
    .locator('.traffic__item', { hasText: new URL(hookUrl).pathname })
    .first()
    .click();
  const formTable = page.locator('#exchangeRequest .traffic__body--form');
  await expect(formTable.locator('th')).toHaveText(['payload']);
  await expect(formTable.locator('td')).toHaveText(['{"text":"pelican form"}']);
});
