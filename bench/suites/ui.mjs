// The UI half of `npm run bench`, in Debian's Chromium: how long the composer's preview takes
// to follow a keystroke (a typical payload and a maximal one), and how the main thread fares
// while posts arrive in a long channel.
/* global window, document, MutationObserver, requestAnimationFrame, DataTransfer, ClipboardEvent -- the page.evaluate callbacks run in Chromium */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createChannel, hookUrl } from '../lib/mockmost-api.mjs';
import { serveMockmost, stop } from '../lib/processes.mjs';
import { median, percentile } from '../lib/stats.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function maximalPayload() {
  const attachment = (i) => ({
    color: 'good',
    title: `Attachment ${i}`,
    text: `**Item ${i}** with a [link](https://example.com/${i}) :tada:`,
    fields: Array.from({ length: 4 }, (_, f) => ({ title: `Field ${f}`, value: `value ${f}`, short: f < 2 })),
    actions: [
      { id: `ok${i}`, name: 'Approve', style: 'primary', integration: { url: 'http://127.0.0.1:9/x' } },
      { id: `menu${i}`, name: 'Pick', type: 'select', options: [{ text: 'A', value: 'a' }], integration: { url: 'http://127.0.0.1:9/x' } },
    ],
  });
  // 16,383 characters of prose (a message at Mattermost's limit), then 20 full attachments.
  const text = 'Deployment log line with **bold**, a [link](https://example.com) and :tada: emoji. '.repeat(200).slice(0, 16383);
  return { text, attachments: Array.from({ length: 20 }, (_, i) => attachment(i)) };
}

/**
 * Milliseconds from each keydown to the first frame after the preview changed, typing at 10
 * keystrokes a second; and the main thread's tasks over 50 ms meanwhile.
 */
async function previewLatency(page, base, payload, keystrokes) {
  await page.goto(`${base}/_mockmost/composer`);
  await page.locator('.monaco-editor').waitFor();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // One line, text first: the cursor then goes just inside the text's string. Pasted, as a user
  // would: typed-in text (Playwright's insertText) reaches Monaco's edit context one character
  // at a time, each edit costing a pass over the long line, which is quadratic.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(payload));
  await page.locator('#composer-preview .post-message__text').first().waitFor();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < '{"text":"'.length; i++) await page.keyboard.press('ArrowRight');
  await page.evaluate(() => {
    window.__latencies = [];
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    let started = 0;
    document.addEventListener('keydown', (e) => (started = e.timeStamp), true);
    new MutationObserver(() => {
      if (!started) return;
      const from = started;
      started = 0;
      requestAnimationFrame(() => window.__latencies.push(performance.now() - from));
    }).observe(document.getElementById('composer-preview'), { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type('y');
    await page.waitForTimeout(100);
  }
  const { latencies, long } = await page.evaluate(() => ({ latencies: window.__latencies, long: window.__long }));
  return {
    median: median(latencies),
    p95: percentile(latencies, 95),
    longTasks: long.length,
    maxTask: long.length ? Math.max(...long) : 0,
  };
}

/** Long main-thread tasks while `rate` posts per second arrive in a channel that already holds `existing` posts. */
async function longTasksUnderLoad(page, base, hookUrl, existing, rate, seconds) {
  for (let i = 0; i < existing; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, existing - i) }, (_, j) =>
        fetch(hookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `post ${i + j} **bold** :smile:` }),
        }),
      ),
    );
  }
  await page.goto(`${base}/dev/channels/town-square`);
  await page.locator('[data-testid="postView"]').first().waitFor();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({
      type: 'longtask',
      buffered: false,
    });
  });
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    const batch = [];
    for (; sent < due; sent++) {
      batch.push(
        fetch(hookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `live ${sent} with a [link](https://example.com)` }),
        }),
      );
    }
    await Promise.all(batch);
    await new Promise((r) => setTimeout(r, 20));
  }
  // The figure means nothing unless the posts really arrived live.
  // Asked of the newest post alone: a text search over every post (Playwright's hasText) is itself
  // a long task in a long channel, and would be counted as the view's.
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('[data-testid="postView"] .post-message__text')]
        .slice(-50)
        .some((e) => e.textContent?.startsWith(text)),
    `live ${sent - 1} with`,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(500);
  const long = await page.evaluate(() => window.__long);
  return { sent, longTasks: long.length, maxTask: long.length ? Math.max(...long) : 0 };
}

/** Sends `count` short webhooks, `parallel` at a time. */
async function sendPosts(url, count, label, parallel = 200) {
  for (let i = 0; i < count; i += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, count - i) }, (_, j) =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: `${label} ${i + j}` }),
        }),
      ),
    );
  }
}

/**
 * Reads a channel of `total` posts back from the newest to the oldest, a page at a time as a
 * reader scrolling up does: the DOM's size and the JS heap at the end against the start, and
 * the long tasks on the way.
 */
async function scrollBack(page, base, total) {
  const channel = await createChannel(base, 'history');
  await sendPosts(await hookUrl(base, channel), total, 'old');
  await page.goto(`${base}/dev/channels/${channel}`);
  await page.locator('[data-testid="postView"]').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { nodes: await page.evaluate(() => document.getElementsByTagName('*').length), heap: usedSize };
  };
  const start = await measure();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  const list = page.locator('#postListContent');
  // Anywhere among the posts shown: sent 200 at a time, they may be stored out of order. Asked of
  // the messages alone, not Playwright's hasText over whole posts (see longTasksUnderLoad).
  const reachedFirst = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="postView"] .post-message__text')].some((e) => e.textContent === 'old 0'),
    );
  let pages = 0;
  while (!(await reachedFirst())) {
    const before = await page.locator('[data-testid="postView"]').first().getAttribute('id');
    // A list already at the top fires no scroll event of its own: send one, as the next wheel turn would.
    for (let attempt = 1; ; attempt++) {
      await list.evaluate((el) => {
        el.scrollTo(0, 0);
        el.dispatchEvent(new Event('scroll'));
      });
      const moved = await page
        .waitForFunction((id) => document.querySelector('[data-testid="postView"]')?.id !== id, before, { timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (moved) break;
      if (attempt === 3) throw new Error(`reading back stalled after ${pages} pages`);
    }
    pages++;
  }
  const end = await measure();
  const long = await page.evaluate(() => window.__long);
  return { pages, start, end, longTasks: long.length, maxTask: long.length ? Math.max(...long) : 0 };
}

export async function ui({ quick, report }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'mockmost-bench-ui-'));
  const server = await serveMockmost(dataDir);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const keystrokes = quick ? 8 : 20;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const minimal = await previewLatency(page, server.url, { text: 'ok' }, keystrokes);
    const typical = await previewLatency(
      page,
      server.url,
      {
        text: 'Build **#42** passed :tada:',
        attachments: [{ color: 'good', title: 'api', text: 'ok', fields: [{ title: 'Env', value: 'prod', short: true }] }],
      },
      keystrokes,
    );
    const maximal = await previewLatency(page, server.url, maximalPayload(), keystrokes);
    const base = { unit: 'ms', baselineName: 'one-word payload' };
    report.figure({ name: 'ui.preview.typical.median', value: typical.median, baseline: minimal.median, aim: '< 16 ms', ...base });
    report.figure({ name: 'ui.preview.typical.p95', value: typical.p95, baseline: minimal.p95, aim: '< 16 ms', ...base });
    report.figure({ name: 'ui.preview.maximal.median', value: maximal.median, baseline: minimal.median, aim: '< 50 ms', ...base });
    report.figure({ name: 'ui.preview.maximal.p95', value: maximal.p95, baseline: minimal.p95, aim: '< 50 ms', ...base });
    report.figure({
      name: 'ui.preview.maximal.long_tasks_at_10_keys_s',
      value: maximal.longTasks,
      unit: `tasks over 50 ms in ${keystrokes} keystrokes`,
      aim: '0',
    });
    report.figure({ name: 'ui.preview.maximal.longest_task', value: maximal.maxTask, unit: 'ms', aim: '< 50 ms' });
    const posts = quick ? 1000 : 10_000;
    const load = await longTasksUnderLoad(page, server.url, await hookUrl(server.url), posts, 200, quick ? 2 : 5);
    const label = quick ? '1k' : '10k';
    report.figure({ name: `ui.channel_${label}.long_tasks_at_200_posts_s`, value: load.longTasks, unit: 'tasks over 50 ms', aim: '0' });
    report.figure({ name: `ui.channel_${label}.longest_task`, value: load.maxTask, unit: 'ms', aim: '< 50 ms' });

    const history = quick ? 5000 : 100_000;
    const back = await scrollBack(page, server.url, history);
    const read = `ui.read_back_${quick ? '5k' : '100k'}`;
    const start = { baselineName: 'on opening the channel' };
    report.figure({
      name: `${read}.dom_nodes`,
      value: back.end.nodes,
      unit: 'elements',
      baseline: back.start.nodes,
      aim: '< 2×',
      ...start,
    });
    report.figure({ name: `${read}.js_heap`, value: back.end.heap / 2 ** 20, unit: 'MiB', baseline: back.start.heap / 2 ** 20, ...start });
    report.figure({ name: `${read}.long_tasks`, value: back.longTasks, unit: `tasks over 50 ms in ${back.pages} pages`, aim: '0' });
    report.figure({ name: `${read}.longest_task`, value: back.maxTask, unit: 'ms', aim: '< 50 ms' });
  } finally {
    await browser.close();
    await stop(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
