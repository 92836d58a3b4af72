// The UI half of `npm run bench`, in Debian's Chromium: how long the composer's preview takes
// to follow a keystroke (a typical payload and a maximal one), and how the main thread fares
// while posts arrive in a long channel.
/* global window, document, MutationObserver, requestAnimationFrame -- the page.evaluate callbacks run in Chromium */
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEYSTROKES = 20;

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

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** Milliseconds from each keydown to the first frame after the preview changed. */
async function previewLatency(page, base, payload) {
  await page.goto(`${base}/_mockmost/composer`);
  await page.locator('.monaco-editor').waitFor();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // One line, text first: the cursor then goes just inside the text's string. Inserted in
  // pieces: Chromium's renderer crashed when the whole maximal payload arrived in one go.
  const text = JSON.stringify(payload);
  for (let i = 0; i < text.length; i += 4000) {
    await page.keyboard.insertText(text.slice(i, i + 4000));
    await page.waitForTimeout(300);
  }
  await page.locator('#composer-preview .post-message__text').first().waitFor();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < '{"text":"'.length; i++) await page.keyboard.press('ArrowRight');
  await page.evaluate(() => {
    window.__latencies = [];
    let started = 0;
    document.addEventListener('keydown', (e) => (started = e.timeStamp), true);
    new MutationObserver(() => {
      if (!started) return;
      const from = started;
      started = 0;
      requestAnimationFrame(() => window.__latencies.push(performance.now() - from));
    }).observe(document.getElementById('composer-preview'), { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('y');
    await page.waitForTimeout(60);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  return { median: percentile(latencies, 50), p95: percentile(latencies, 95), samples: latencies.length };
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
  await page.waitForTimeout(1500);
  const long = await page.evaluate(() => window.__long);
  return { sent, longTasks: long.length, maxTask: long.length ? Math.max(...long) : 0 };
}

export async function benchUi(base, hookUrl) {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const typical = await previewLatency(page, base, {
      text: 'Build **#42** passed :tada:',
      attachments: [{ color: 'good', title: 'api', text: 'ok', fields: [{ title: 'Env', value: 'prod', short: true }] }],
    });
    const maximal = await previewLatency(page, base, maximalPayload());
    const load = await longTasksUnderLoad(page, base, hookUrl, 10_000, 200, 5);
    return { typical, maximal, load };
  } finally {
    await browser.close();
  }
}
